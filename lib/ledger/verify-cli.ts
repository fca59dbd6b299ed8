// `npm run ledger:verify`: checks every ledger invariant on the configured database (DATABASE_URL,
// else the embedded database: the running console's, or its data directory opened just for this)
// and prints each problem; exit 1 if there is any.
import net from "node:net";
import { createPrismaClient } from "@/lib/db/client";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { env } from "@/lib/env";
import { formatProblem, verifyLedger } from "./verify";

const config = env();
const orgArg = process.argv.find((a) => a.startsWith("--org="));
const orgId = orgArg ? Number(orgArg.slice("--org=".length)) : null;
if (orgId !== null && !Number.isInteger(orgId)) {
  console.error("--org= takes an org id");
  process.exit(2);
}

const embeddedUrl = `postgresql://postgres:postgres@127.0.0.1:${config.EMBEDDED_DB_PORT}/postgres?sslmode=disable`;
const running = !config.DATABASE_URL && (await listening(config.EMBEDDED_DB_PORT));
const embedded =
  config.DATABASE_URL || running ? undefined : await startEmbeddedDatabase({ dir: config.EMBEDDED_DB_DIR, port: config.EMBEDDED_DB_PORT });
const client = createPrismaClient(config.DATABASE_URL ?? embedded?.url ?? embeddedUrl, 1);
let problems;
try {
  problems = await verifyLedger(client, orgId);
} finally {
  await client.$disconnect();
  await embedded?.stop();
}
for (const p of problems) console.log(formatProblem(p));
console.log(problems.length === 0 ? "ledger ok: every invariant holds" : `ledger: ${problems.length} problem(s)`);
process.exit(problems.length === 0 ? 0 : 1);

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
