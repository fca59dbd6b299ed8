"use server";

import { defineAction } from "@/lib/auth/action";
import { createExtendedFieldDef, setExtendedFieldActive, updateExtendedFieldDef } from "@/lib/customers/extended-fields";
import { createExtendedFieldSchema, setExtendedFieldActiveSchema, updateExtendedFieldSchema } from "@/lib/customers/extended-fields-schema";

export const createExtendedFieldAction = defineAction("settings:write", createExtendedFieldSchema, async (input, ctx) => {
  const field = await createExtendedFieldDef({ orgId: ctx.orgId, actor: ctx.actor, input });
  return { id: field.id, name: field.name };
});

export const updateExtendedFieldAction = defineAction("settings:write", updateExtendedFieldSchema, async (input, ctx) => {
  const field = await updateExtendedFieldDef({ orgId: ctx.orgId, actor: ctx.actor, input });
  return { id: field.id };
});

export const setExtendedFieldActiveAction = defineAction("settings:write", setExtendedFieldActiveSchema, async ({ id, active }, ctx) => {
  const field = await setExtendedFieldActive({ orgId: ctx.orgId, actor: ctx.actor, id, active });
  return { id: field.id, active: field.active };
});
