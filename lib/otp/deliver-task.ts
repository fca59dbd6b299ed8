import type { Task } from "graphile-worker";
import { z } from "zod";
import { deliverPending } from "./outbox";

const payloadSchema = z.object({ messageIds: z.array(z.number().int().positive()).min(1).max(100) });

/** The queue's `outbox:deliver` task (lib/jobs/tasks.ts): sends what is still pending; a failed send throws, so the queue retries. */
export const outboxDeliverTask: Task = async (payload) => {
  const { messageIds } = payloadSchema.parse(payload);
  const { failed } = await deliverPending(messageIds);
  if (failed > 0) throw new Error(`${failed} outbox message(s) could not be delivered; retrying`);
};
