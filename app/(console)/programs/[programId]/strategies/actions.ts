"use server";

import { defineAction } from "@/lib/auth/action";
import { saveProgramStrategies } from "@/lib/programs/strategies/save";
import { programStrategiesFormSchema } from "@/lib/programs/strategies/schema";

// The Strategies tab's one save: ADMIN and PROGRAM_MANAGER (programs:write), audited in lib.
export const saveProgramStrategiesAction = defineAction("programs:write", programStrategiesFormSchema, async (input, ctx) => {
  await saveProgramStrategies({ orgId: ctx.orgId, actor: ctx.actor, input });
  return { saved: true };
});
