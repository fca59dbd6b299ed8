"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { adjustCustomerPoints } from "@/lib/engine/manual-adjustment";
import { manualAdjustmentSchema } from "@/lib/engine/manual-adjustment-schema";
import { adjustCustomerTier } from "@/lib/tiers/member-care-adjustment";
import { memberCareTierAdjustmentSchema } from "@/lib/tiers/member-care-schema";

/** A member-care agent's (or an admin's) manual points adjustment; VIEWER and PROGRAM_MANAGER are refused here, not only by a hidden button. */
export const adjustPointsAction = defineAction("member-care:write", manualAdjustmentSchema, async (input, ctx) => {
  const result = await adjustCustomerPoints({ orgId: ctx.orgId, actor: ctx.actor, input });
  revalidatePath(`/member-care/customers/${input.customerId}`);
  return result;
});

/** Tier adjustment by an agent (or an admin): manualSlabAdjustment's rule, for this customer, with a required reason; once per form key. */
export const adjustTierAction = defineAction("member-care:write", memberCareTierAdjustmentSchema, async (input, ctx) => {
  const result = await adjustCustomerTier({ orgId: ctx.orgId, actor: ctx.actor, input });
  revalidatePath(`/member-care/customers/${input.customerId}`);
  return result;
});
