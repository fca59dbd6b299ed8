import { z } from "zod";

// Client-safe: the manual points adjustment form and its action parse with this one schema.
export const manualAdjustmentSchema = z.object({
  customerId: z.number().int().positive(),
  programId: z.number().int().positive(),
  points: z.coerce
    .number({ error: "Enter a number of points" })
    .refine((n) => Number.isFinite(n) && n !== 0, "Enter a non-zero number: positive adds points, negative takes them away")
    .refine((n) => Math.abs(n) <= 10_000_000, "At most 10,000,000 points in one adjustment")
    .refine((n) => Number.isInteger(n * 10_000), "At most four decimal places"),
  reason: z.string().trim().min(3, "Say why: the reason is shown in the ledger and the audit log").max(500),
  // Made when the form renders, so a second click (or a retried request) of the same submit
  // replays the first answer instead of adjusting twice.
  idempotencyKey: z.string().uuid(),
});
export type ManualAdjustmentInput = z.input<typeof manualAdjustmentSchema>;
