"use server";

import { z } from "zod";
import { defineAction } from "@/lib/auth/action";
import { updateOrgConfig } from "@/lib/org/configs";

// The value is checked against the config's own schema by lib/org/configs (the registry), which
// also refuses unknown keys; here only the envelope's shape.
const updateConfigSchema = z.object({ key: z.string().trim().min(1).max(100), value: z.unknown() });

export const updateConfigAction = defineAction("settings:write", updateConfigSchema, async ({ key, value }, ctx) => {
  const entry = await updateOrgConfig({ orgId: ctx.orgId, actor: ctx.actor, key, value });
  return { key: entry.key, isDefault: entry.isDefault };
});
