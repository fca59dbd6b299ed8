import { z } from "zod";
import { withApiClient } from "@/lib/api/with-api-client";
import { CONFIG_KEYS, CONFIG_REGISTRY, resolveConfigKey, type ConfigKey } from "@/lib/org/config-registry";
import { listOrgConfigs } from "@/lib/org/configs";

// ?keys=A,B: a filter by key; the singular ENABLE_GROUP_PROGRAM_REDEMPTION reads as the plural.
const querySchema = z.object({
  keys: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === "") return { keys: CONFIG_KEYS, aliased: [] as string[] };
      const keys: ConfigKey[] = [];
      const aliased: string[] = [];
      for (const asked of raw.split(",").map((k) => k.trim()).filter(Boolean)) {
        const key = resolveConfigKey(asked);
        if (!key) {
          ctx.addIssue({ code: "custom", message: `unknown config ${asked}` });
          continue;
        }
        if (key !== asked) aliased.push(`${asked} is read as ${key}`);
        if (!keys.includes(key)) keys.push(key);
      }
      return { keys, aliased };
    }),
});

/**
 * GET /v2/orgSettings/configs: every org config (SPEC §0) with its effective value, its default and
 * whether the value is the default. No scope is required: any authenticated client of the org may
 * read them, since POS and e-commerce systems need to know how the org behaves (are user groups on,
 * how large may a group be) and the values hold no customer data. Only the caller's org is read.
 */
export const GET = withApiClient({ query: querySchema }, async ({ orgId, query }) => {
  const entries = await listOrgConfigs({ orgId, keys: query.keys.keys });
  return {
    data: entries.map((e) => ({ key: e.key, value: e.value, default: e.default, isDefault: e.isDefault, description: CONFIG_REGISTRY[e.key].description })),
    warnings: query.keys.aliased,
  };
});
