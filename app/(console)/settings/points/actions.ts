"use server";

import { defineAction } from "@/lib/auth/action";
import { updateOrgConfig } from "@/lib/org/configs";
import { singleRollingExpirySchema } from "@/lib/org/rolling-expiry-schema";

// Single Rolling Expiry is the OrgConfig SINGLE_ROLLING_EXPIRY: the same door (and audit) as any config.
export const updateSingleRollingExpiryAction = defineAction("settings:write", singleRollingExpirySchema, async (input, ctx) => {
  await updateOrgConfig({ orgId: ctx.orgId, actor: ctx.actor, key: "SINGLE_ROLLING_EXPIRY", value: input });
  return { saved: true };
});
