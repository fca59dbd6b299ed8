"use server";

import { defineAction } from "@/lib/auth/action";
import { setMlpTypeSchema } from "@/lib/programs/org-structure/mlp";
import { setMlpType } from "@/lib/programs/org-structure/mlp-type";
import { orgUnitInputSchema, orgUnitUpdateSchema, setUnitActiveSchema } from "@/lib/programs/org-structure/schema";
import { createOrgUnit, setOrgUnitActive, updateOrgUnit } from "@/lib/programs/org-structure/units";

export const createOrgUnitAction = defineAction("settings:write", orgUnitInputSchema, async (input, ctx) => {
  const unit = await createOrgUnit({ orgId: ctx.orgId, actor: ctx.actor, input });
  return { id: unit.id, code: unit.code };
});

export const updateOrgUnitAction = defineAction("settings:write", orgUnitUpdateSchema, async (input, ctx) => {
  const unit = await updateOrgUnit({ orgId: ctx.orgId, actor: ctx.actor, input });
  return { id: unit.id, code: unit.code };
});

export const setOrgUnitActiveAction = defineAction("settings:write", setUnitActiveSchema, async (input, ctx) => {
  const unit = await setOrgUnitActive({ orgId: ctx.orgId, actor: ctx.actor, ...input });
  return { id: unit.id, active: unit.active };
});

export const setMlpTypeAction = defineAction("settings:write", setMlpTypeSchema, ({ mlpType }, ctx) =>
  setMlpType({ orgId: ctx.orgId, actor: ctx.actor, mlpType }),
);
