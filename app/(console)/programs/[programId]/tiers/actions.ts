"use server";

import { defineAction } from "@/lib/auth/action";
import { createTier, deleteTier, saveTierPolicy, updateTier } from "@/lib/tiers/config";
import { createTierSchema, deleteTierSchema, saveTierPolicySchema, updateTierSchema } from "@/lib/tiers/schema";

// The Tiers tab: ADMIN and PROGRAM_MANAGER (programs:write); lib/tiers checks and audits.
export const saveTierPolicyAction = defineAction("programs:write", saveTierPolicySchema, async ({ programId, ...input }, ctx) =>
  saveTierPolicy({ orgId: ctx.orgId, actor: ctx.actor, programId, input }),
);

export const createTierAction = defineAction("programs:write", createTierSchema, async ({ programId, ...input }, ctx) =>
  createTier({ orgId: ctx.orgId, actor: ctx.actor, programId, input }),
);

export const updateTierAction = defineAction("programs:write", updateTierSchema, async ({ programId, tierId, ...input }, ctx) =>
  updateTier({ orgId: ctx.orgId, actor: ctx.actor, programId, tierId, input }),
);

export const deleteTierAction = defineAction("programs:write", deleteTierSchema, async ({ programId, tierId }, ctx) => {
  await deleteTier({ orgId: ctx.orgId, actor: ctx.actor, programId, tierId });
  return { deleted: true };
});
