// The worker process: `npm run worker` and the console's launcher start this with DATABASE_URL set
// (lib/launcher/worker.ts finds the database). Stops cleanly on SIGINT/SIGTERM: running jobs
// finish, or are released for another worker if they take too long.
import { databaseUrl, env } from "@/lib/env";
import { disconnectDb } from "@/lib/db/client";
import { startJobWorker } from "./worker";

const config = env();
const runner = await startJobWorker({ connectionString: databaseUrl(), concurrency: config.WORKER_CONCURRENCY });
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await runner.stop();
  await disconnectDb();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
await runner.promise;
