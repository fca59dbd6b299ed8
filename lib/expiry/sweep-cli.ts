// `npm run expiry:sweep`: expires what is due now (or at --as-of=ISO), on DATABASE_URL or the
// embedded database (the running console's, or its data directory opened just for this). The
// same function the queue's recurring job runs; safe beside it.
import { createPrismaClient } from "@/lib/db/client";
import { embeddedUrl, isListening, startEmbeddedDatabase } from "@/lib/db/embedded";
import { env } from "@/lib/env";
import { sweepExpiredPoints } from "./sweep";

const config = env();
const asOfArg = process.argv.find((a) => a.startsWith("--as-of="))?.slice("--as-of=".length);
const asOf = asOfArg ? new Date(asOfArg) : new Date();
if (Number.isNaN(asOf.getTime())) {
  console.error("--as-of= takes an ISO date or instant");
  process.exit(2);
}
const running = !config.DATABASE_URL && (await isListening(config.EMBEDDED_DB_PORT));
const embedded = config.DATABASE_URL || running ? undefined : await startEmbeddedDatabase({ dir: config.EMBEDDED_DB_DIR, port: config.EMBEDDED_DB_PORT });
const client = createPrismaClient(config.DATABASE_URL ?? embedded?.url ?? embeddedUrl(config.EMBEDDED_DB_PORT), 1);
try {
  const r = await sweepExpiredPoints({ asOf, client, runRef: "npm run expiry:sweep" });
  console.log(`expiry sweep as of ${asOf.toISOString()}: ${r.points} point(s) in ${r.lots} lot(s) expired from ${r.accounts} account(s)`);
} finally {
  await client.$disconnect();
  await embedded?.stop();
}
