import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { JOBS_SCHEMA } from "./schema";
import type { JobName, JobPayloads } from "./types";

// Background work is queued in the caller's transaction (graphile-worker's add_job is plain SQL),
// so the job and the change that caused it commit or roll back together: an outbox that never
// sends for a change that did not happen, and never misses one that did.

export type JobTx = Pick<Prisma.TransactionClient, "$queryRawUnsafe">;

export type EnqueueOptions = {
  /** Not before this time (default: now). */
  runAt?: Date;
  /** One pending job per key: a second enqueue with the same key replaces the first (singleton). */
  jobKey?: string;
  /** Jobs in one queue run one at a time, in order. */
  queueName?: string;
  /** Attempts before the job is given up (graphile-worker retries with exponential backoff). */
  maxAttempts?: number;
  priority?: number;
};

/** Queues a task inside `tx`; returns the job's id. */
export async function enqueueJob<N extends JobName>(tx: JobTx, task: N, payload: JobPayloads[N], options: EnqueueOptions = {}): Promise<string> {
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
    `SELECT (j).id::text AS id FROM (SELECT ${JOBS_SCHEMA}.add_job(identifier => $1::text, payload => $2::json, queue_name => $3::text,
       run_at => $4::timestamptz, max_attempts => $5::int, job_key => $6::text, priority => $7::int) AS j) s`,
    task,
    JSON.stringify(payload),
    options.queueName ?? null,
    options.runAt?.toISOString() ?? null,
    options.maxAttempts ?? null,
    options.jobKey ?? null,
    options.priority ?? null,
  );
  return rows[0]!.id;
}
