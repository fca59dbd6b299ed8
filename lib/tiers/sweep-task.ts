import type { Task } from "graphile-worker";
import { z } from "zod";
import { reassessExpiredTiers } from "./sweep";

const payloadSchema = z.object({ asOf: z.iso.datetime().optional(), orgId: z.number().int().positive().optional() });

/** The queue's `tiers:reassess` task (lib/jobs/tasks.ts): renewals and downgrades of expired tiers. */
export const tierReassessTask: Task = async (payload, helpers) => {
  const p = payloadSchema.parse(payload ?? {});
  const changes = await reassessExpiredTiers({ ...(p.asOf ? { asOf: new Date(p.asOf) } : {}), ...(p.orgId ? { orgId: p.orgId } : {}) });
  if (changes.length > 0) helpers.logger.info(`tier reassessment: ${changes.length} tier change(s)`);
};
