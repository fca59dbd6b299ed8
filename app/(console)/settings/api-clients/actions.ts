"use server";

import { defineAction } from "@/lib/auth/action";
import { createApiClient, revokeApiClient } from "@/lib/org/api-clients";
import { apiClientIdSchema, createApiClientSchema } from "@/lib/org/api-clients-schema";

export const createApiClientAction = defineAction("settings:write", createApiClientSchema, (input, ctx) =>
  createApiClient({ orgId: ctx.orgId, actor: ctx.actor, input }),
);

export const revokeApiClientAction = defineAction("settings:write", apiClientIdSchema, ({ id }, ctx) =>
  revokeApiClient({ orgId: ctx.orgId, actor: ctx.actor, id }),
);
