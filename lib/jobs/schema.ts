import { runMigrations } from "graphile-worker";
import { quietJobsLogger } from "./logger";

// The job queue's tables live in their own schema, `graphile_worker`, which graphile-worker creates
// and migrates itself (its SQL ships in the package; nothing is downloaded). Prisma only manages
// `public`, so `prisma migrate diff` never sees them. Safe to run again and from several processes
// at once: the library records each migration and skips what another process already applied.
export const JOBS_SCHEMA = "graphile_worker";

export async function migrateJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, schema: JOBS_SCHEMA, logger: quietJobsLogger });
}
