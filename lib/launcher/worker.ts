// `npm run worker`: a job-queue worker (lib/jobs) on DATABASE_URL; without it, on the embedded
// database: the running console's, or its data directory opened (and migrated) just for this.
import { startEmbeddedDatabase, embeddedUrl, isListening } from "@/lib/db/embedded";
import { migrateDeploy } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { spawnWorker } from "./spawn-worker";

const config = env();
const running = !config.DATABASE_URL && (await isListening(config.EMBEDDED_DB_PORT));
const embedded = config.DATABASE_URL || running ? undefined : await startEmbeddedDatabase({ dir: config.EMBEDDED_DB_DIR, port: config.EMBEDDED_DB_PORT });
const url = config.DATABASE_URL ?? embedded?.url ?? embeddedUrl(config.EMBEDDED_DB_PORT);
if (embedded) await migrateDeploy(url);
console.log(`[loyalty] job worker on ${config.DATABASE_URL ? new URL(url).host : `the embedded database (127.0.0.1:${config.EMBEDDED_DB_PORT})`}`);

const child = spawnWorker(url, { stdio: "inherit" });
const stop = () => child.kill("SIGTERM");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
child.on("exit", (code) => {
  void (embedded?.stop() ?? Promise.resolve()).then(() => process.exit(code ?? 0));
});
