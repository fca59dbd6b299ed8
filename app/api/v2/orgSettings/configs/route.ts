import { withApiClient } from "@/lib/api/with-api-client";
import { CONFIG_REGISTRY } from "@/lib/org/config-registry";
import { configsQuerySchema as querySchema } from "@/lib/org/configs-api-schema";
import { listOrgConfigs } from "@/lib/org/configs";

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
