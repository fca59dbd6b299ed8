import { z } from "zod";
import { SLAB_ACTIONS, VALIDITY_KINDS } from "./schema";

// Client-safe: Member Care's tier adjustment form and its action parse with this one schema. It is
// manualSlabAdjustment's body for one customer picked by id, with the reason required (an agent
// always says why; the API may leave it out).
export const memberCareTierAdjustmentSchema = z
  .object({
    customerId: z.number().int().positive(),
    programId: z.coerce.number({ error: "Choose a program." }).int().positive(),
    slabAction: z.enum(SLAB_ACTIONS, { error: "Choose what to do with the tier." }),
    toSlabName: z.string().trim().max(100).default(""),
    manualSlabActionValidity: z.enum(VALIDITY_KINDS, { error: "Choose how long the tier lasts." }),
    manualSlabActionValidityUpto: z.string().trim().min(1, "Give a number of days or a date."),
    reason: z.string().trim().min(3, "Say why: the reason is kept in the tier history and the audit log.").max(500),
    // Made when the form opens, so a second click (or a retried request) of the same submit
    // replays the first answer instead of adjusting twice.
    idempotencyKey: z.string().uuid(),
  })
  .refine((v) => !(v.slabAction === "UPGRADE" || v.slabAction === "DOWNGRADE") || v.toSlabName !== "", {
    path: ["toSlabName"],
    message: "Choose the tier to move the customer to.",
  });
export type MemberCareTierAdjustment = z.output<typeof memberCareTierAdjustmentSchema>;
export type MemberCareTierAdjustmentInput = z.input<typeof memberCareTierAdjustmentSchema>;

export const TIER_ACTION_LABELS: Record<(typeof SLAB_ACTIONS)[number], string> = {
  UPGRADE: "Upgrade",
  DOWNGRADE: "Downgrade",
  RENEWAL: "Renew the current tier",
  EXTEND_CURRENT_TIER_EXPIRY_DATE: "Extend the current tier's expiry",
};
