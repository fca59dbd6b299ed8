"use server";

import { z } from "zod";
import { defineAction } from "@/lib/auth/action";
import { createFleetHierarchy, deleteFleetHierarchy, updateFleetHierarchy } from "@/lib/groups/fleet-hierarchies";
import { createFleetHierarchySchema, editFleetHierarchySchema } from "@/lib/groups/fleet-schema";

export const createFleetHierarchyAction = defineAction("settings:write", createFleetHierarchySchema, async (input, ctx) => {
  return createFleetHierarchy({ orgId: ctx.orgId, actor: ctx.actor, input });
});

export const updateFleetHierarchyAction = defineAction("settings:write", editFleetHierarchySchema, async ({ id, input }, ctx) => {
  return updateFleetHierarchy({ orgId: ctx.orgId, actor: ctx.actor, id, input });
});

export const deleteFleetHierarchyAction = defineAction("settings:write", z.object({ id: z.number().int().positive() }), async ({ id }, ctx) => {
  return deleteFleetHierarchy({ orgId: ctx.orgId, actor: ctx.actor, id });
});
