import { run, runOnce, type Runner, type RunnerOptions } from "graphile-worker";
import { jobsLogger, quietJobsLogger } from "./logger";
import { RECURRING } from "./schedule";
import { JOBS_SCHEMA } from "./schema";
import { TASKS } from "./tasks";

/**
 * Starts a worker on the job queue: applies the queue's schema, then runs the tasks and the
 * recurring schedule until `stop()`. Any number of workers may run against one database: a job is
 * taken by one of them (FOR UPDATE SKIP LOCKED inside the library). New jobs are noticed through
 * LISTEN/NOTIFY, and by polling every `pollInterval` ms in case a notification is missed.
 */
export function startJobWorker(options: { connectionString: string; concurrency?: number; pollInterval?: number; resetLockedIntervalMs?: number }): Promise<Runner> {
  return run({
    ...common(options.connectionString),
    concurrency: options.concurrency ?? 2,
    pollInterval: options.pollInterval ?? 2_000,
    // How often the worker releases jobs locked by a worker that died (locked over 4 hours ago):
    // the library's 8–10 minutes, shorter in tests.
    ...(options.resetLockedIntervalMs ? { minResetLockedInterval: options.resetLockedIntervalMs, maxResetLockedInterval: options.resetLockedIntervalMs } : {}),
    parsedCronItems: RECURRING,
    logger: jobsLogger,
  });
}

/** Runs every job that is due now, then returns (tests; a one-shot drain). */
export async function runDueJobs(connectionString: string): Promise<void> {
  await runOnce({ ...common(connectionString), logger: quietJobsLogger });
}

function common(connectionString: string): RunnerOptions {
  return {
    connectionString,
    schema: JOBS_SCHEMA,
    taskList: TASKS,
    noHandleSignals: true,
    // The embedded database is one PostgreSQL session shared by every connection, where named
    // prepared statements of two connections collide ("already exists"); unnamed ones work on both.
    noPreparedStatements: true,
  };
}
