"use server";

import { defineAction } from "@/lib/auth/action";
import { setApiClientRateLimit } from "@/lib/org/api-client-rate-limit";
import { setApiClientTrusted } from "@/lib/org/api-client-trust";
import { createApiClient, revokeApiClient } from "@/lib/org/api-clients";
import { apiClientIdSchema, apiClientRateLimitSchema, apiClientTrustSchema, createApiClientSchema } from "@/lib/org/api-clients-schema";

export const createApiClientAction = defineAction("settings:write", createApiClientSchema, (input, ctx) =>
  createApiClient({ orgId: ctx.orgId, actor: ctx.actor, input }),
);

export const revokeApiClientAction = defineAction("settings:write", apiClientIdSchema, ({ id }, ctx) =>
  revokeApiClient({ orgId: ctx.orgId, actor: ctx.actor, id }),
);

export const setApiClientTrustAction = defineAction("settings:write", apiClientTrustSchema, ({ id, trusted }, ctx) =>
  setApiClientTrusted({ orgId: ctx.orgId, actor: ctx.actor, id, trusted }),
);

export const setApiClientRateLimitAction = defineAction("settings:write", apiClientRateLimitSchema, ({ id, rateLimitPerMinute }, ctx) =>
  setApiClientRateLimit({ orgId: ctx.orgId, actor: ctx.actor, id, rateLimitPerMinute }),
);
