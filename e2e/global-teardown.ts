import { existsSync, readFileSync } from "node:fs";
import { DEMO } from "../prisma/seed-data";
import { E2E_AUTH_SECRET, SERVER_LOG } from "../playwright.config";

// Issue 10 "Secrets": after the browser tests (every spec signs in with the demo passwords and
// calls the API with the demo secrets), the web server's whole log must hold none of them, nor
// the session-signing secret, nor a Basic header that carries a secret.
export default function globalTeardown() {
  if (!existsSync(SERVER_LOG)) return; // a run that reused a server started elsewhere has no log of ours
  const log = readFileSync(SERVER_LOG, "utf8");
  const secrets = [
    ...DEMO.users.map((u) => u.password),
    ...DEMO.apiClients.flatMap((c) => [c.secret, Buffer.from(`${c.clientId}:${c.secret}`).toString("base64")]),
    E2E_AUTH_SECRET,
  ];
  const found = secrets.filter((secret) => log.includes(secret));
  if (found.length > 0) throw new Error(`The web server's log (${SERVER_LOG}) holds secrets: ${found.map((s) => `${s.slice(0, 4)}…`).join(", ")}`);
  console.log(`server log ${SERVER_LOG}: ${log.length} characters, no demo secret in it`);
}
