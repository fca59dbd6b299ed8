import type { Task } from "graphile-worker";
import { z } from "zod";
import { deliverOnce } from "./deliver";

const payloadSchema = z.object({ deliveryId: z.number().int().positive() });

/** The queue's `webhooks:deliver` task (lib/jobs/tasks.ts): one attempt; deliverOnce schedules the next. */
export const webhookDeliverTask: Task = async (payload) => {
  await deliverOnce(payloadSchema.parse(payload).deliveryId);
};
