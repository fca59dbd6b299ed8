import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// Issue 10, abuse: every page carries a Content-Security-Policy with a per-view nonce and no
// inline-script exception, frame-ancestors 'none', the other security headers and HSTS (this is
// the production build); the console's main pages, with their charts, code editors and progress
// bar, run under it without a single violation; the session cookie is HttpOnly and SameSite=Lax;
// a server action refuses a post from a foreign origin.

const BACK_OFFICE = `Basic ${Buffer.from("demo-backoffice:demo-backoffice-secret").toString("base64")}`;
const CUSTOMER_WITH_HISTORY = 564662499; // the seed's first customer

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

/** Collects CSP violations (the DOM event) and the console's "Refused to…" errors across navigations. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.cspViolations!.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} in ${e.sourceFile || location.pathname}:${e.lineNumber}`);
    });
  });
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content[- ]Security[- ]Policy|Refused to (execute|load|apply|connect|frame)/i.test(message.text())) consoleErrors.push(message.text());
  });
  return async () => [...consoleErrors, ...((await page.evaluate(() => window.cspViolations ?? [])) as string[])];
}

async function visit(page: Page, url: string, violations: () => Promise<string[]>) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBeLessThan(400);
  await page.waitForLoadState("networkidle");
  expect(await violations(), url).toEqual([]);
}

test.describe("security headers and the Content-Security-Policy", () => {
  test("a page's policy nonces every script, allows no inline script and no framing, and changes with every view", async ({ request }) => {
    const first = await request.get("/login");
    const second = await request.get("/login");
    const policy = first.headers()["content-security-policy"] ?? "";
    const scriptSrc = policy.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
    expect(scriptSrc).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'$/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
    expect(/'nonce-([^']+)'/.exec(second.headers()["content-security-policy"] ?? "")![1]).not.toBe(nonce);
    // Every script in the page carries this view's nonce.
    const html = await first.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

    const headers = first.headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["strict-transport-security"]).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(headers["x-powered-by"]).toBeUndefined();

    // Next's assets and public/ files, which proxy.ts does not see, carry a policy too.
    const asset = /<script[^>]+src="([^"]+)"/.exec(html)![1]!;
    for (const url of [asset, "/favicon.ico"]) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(200);
      expect(response.headers()["content-security-policy"], url).toBe("object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
      expect(response.headers()["x-content-type-options"], url).toBe("nosniff");
    }
  });

  test("the API's answers carry the headers too, and a policy that loads nothing", async ({ request }) => {
    const ping = await request.get("/v2/ping", { headers: { authorization: BACK_OFFICE } });
    expect(ping.status()).toBe(200);
    expect(ping.headers()["content-security-policy"]).toBe("default-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    expect(ping.headers()["x-content-type-options"]).toBe("nosniff");
    expect(ping.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  });

  test("the session cookie is HttpOnly and SameSite=Lax", async ({ context }) => {
    const session = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  });
});

test("the console's main pages run under the policy with no violation", async ({ page, request }) => {
  test.setTimeout(240_000);
  const programs = (await (await request.get("/v2/programs", { headers: { authorization: BACK_OFFICE } })).json()) as { data?: { id: number }[] } | { id: number }[];
  const list = Array.isArray(programs) ? programs : (programs.data ?? []);
  const programId = list[0]!.id;
  const violations = await watchCsp(page);

  for (const url of [
    "/",
    "/programs",
    `/programs/${programId}`,
    `/programs/${programId}/tiers`,
    `/programs/${programId}/strategies`,
    "/programs/new",
    "/member-care",
    "/member-care/groups",
    "/settings",
    "/settings/users",
    "/settings/organisation",
    "/settings/api-clients",
    "/settings/audit",
    "/settings/configs",
    "/settings/extended-fields",
    "/settings/fleet-hierarchies",
    "/settings/points",
    "/settings/webhooks",
    "/account/password",
    "/docs",
  ]) {
    await visit(page, url, violations);
  }

  // CodeMirror: a new condition opens in an expression editor (nothing is saved).
  await visit(page, `/programs/${programId}/workflows`, violations);
  await page.getByRole("button", { name: "Add ruleset" }).first().click();
  await page.getByRole("button", { name: "Add condition" }).first().click();
  await expect(page.locator(".cm-editor").first()).toBeVisible();
  await page.locator(".cm-content").first().click();
  await page.keyboard.type("1 > 0");
  expect(await violations()).toEqual([]);
  // A customer's page (its points-over-time chart draws once points have moved).
  await visit(page, `/member-care/customers/${CUSTOMER_WITH_HISTORY}`, violations);
  await expect(page.getByRole("heading").first()).toBeVisible();
  // A client-side navigation (the progress bar runs) after hydration.
  await page.getByRole("link", { name: "Settings", exact: true }).first().click();
  await expect(page).toHaveURL(/\/settings$/);
  await page.waitForLoadState("networkidle");
  expect(await violations()).toEqual([]);
});

test("the sign-in page runs under the policy signed out, and signing in works", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const violations = await watchCsp(page);
  await visit(page, "/login", violations);
  await page.getByLabel("Email").fill("admin@demo.test");
  await page.getByLabel("Password").fill("demo-admin-pass");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
  await page.waitForLoadState("networkidle");
  expect(await violations()).toEqual([]);
  const session = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  await context.close();
});

test("a server action refuses a post from another origin, and runs for the console's own", async ({ request, baseURL }) => {
  // The action's id as this build named it (Next.js writes the manifest at build time).
  const manifestFile = path.join(process.env.NEXT_DIST_DIR || ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as { node: Record<string, { exportedName?: string }> };
  const actionId = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === "markNoticesReadAction")?.[0];
  // Next.js names an action by a hex digest (42 characters in this version).
  expect(actionId).toMatch(/^[0-9a-f]{40,}$/);
  const post = (origin: string) =>
    request.post("/programs", {
      headers: { "next-action": actionId!, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin },
      data: "[{}]",
    });

  const foreign = await post("https://evil.example");
  expect(foreign.status()).toBeGreaterThanOrEqual(400);
  expect(await foreign.text()).not.toContain('"read":true');

  const own = await post(new URL(baseURL!).origin);
  expect(own.status()).toBe(200);
  expect(await own.text()).toContain('"read":true');
});
