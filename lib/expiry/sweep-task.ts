import type { Task } from "graphile-worker";
import { z } from "zod";
import { sweepExpiredPoints } from "./sweep";

const payloadSchema = z.object({ asOf: z.iso.datetime().optional(), orgId: z.number().int().positive().optional() });

/** The queue's `expiry:sweep` task (lib/jobs/tasks.ts): recurring, and queued by hand when needed. */
export const expirySweepTask: Task = async (payload, helpers) => {
  const p = payloadSchema.parse(payload ?? {});
  const r = await sweepExpiredPoints({ asOf: p.asOf ? new Date(p.asOf) : undefined, orgId: p.orgId, runRef: `job ${helpers.job.id}` });
  if (r.accounts > 0) helpers.logger.info(`expiry sweep: ${r.points} point(s) in ${r.lots} lot(s) expired from ${r.accounts} account(s)`);
};
