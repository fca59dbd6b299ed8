import "server-only";
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { AppError } from "@/lib/errors";

// Where a webhook may point: http(s) only, and not at loopback, link-local or private networks
// unless the org allows it (WEBHOOK_ALLOW_PRIVATE_TARGETS), so a subscription cannot be used to
// reach the console's own network. Checked when a subscription is saved and again before each
// delivery (a name can be re-pointed after it was saved).

function isPrivate(ip: string): boolean {
  if (isIP(ip) === 6) {
    const v = ip.toLowerCase();
    if (v.startsWith("::ffff:")) return isPrivate(v.slice(7));
    return v === "::1" || v === "::" || v.startsWith("fc") || v.startsWith("fd") || v.startsWith("fe80");
  }
  const [a, b] = ip.split(".").map(Number) as [number, number];
  return a === 127 || a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
}

export async function checkTarget(url: string, { allowPrivate }: { allowPrivate: boolean }): Promise<URL> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError("INVALID", "Enter the webhook URL as http:// or https://…", { field: "url" });
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new AppError("INVALID", "Webhook URLs must use http or https.", { field: "url" });
  if (parsed.username || parsed.password) throw new AppError("INVALID", "Put credentials in the custom headers, not in the URL.", { field: "url" });
  if (allowPrivate) return parsed;
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [host] : await lookup(host, { all: true }).then((r) => r.map((a) => a.address), () => [] as string[]);
  if (addresses.length === 0) throw new AppError("INVALID", `The host ${host} does not resolve.`, { field: "url" });
  if (host === "localhost" || addresses.some(isPrivate)) {
    throw new AppError("INVALID", `${host} is a loopback or private-network address; the org's settings do not allow webhooks to call those.`, { field: "url" });
  }
  return parsed;
}
