import { withApiClient } from "@/lib/api/with-api-client";
import { apiNameOfType } from "@/lib/customers/identifiers";
import { searchQuerySchema } from "@/lib/customers/schema";
import { searchCustomers } from "@/lib/customers/search";

/** GET /v2/customers/search: prefix search on names and identifiers in every source, paged (SPEC-vendor-api §B.4). */
export const GET = withApiClient({ scope: "customers:read", query: searchQuerySchema }, async ({ orgId, query }) => {
  const { total, hits } = await searchCustomers({ orgId, ...query });
  return {
    pagination: { limit: query.limit, offset: query.offset, total },
    data: hits.map((h) => ({
      userId: h.id,
      matchedIdentifiers: h.matched.map((m) => ({ idType: apiNameOfType(m.type), idValue: m.value, source: m.source, accountId: m.accountId })),
      profiles: h.sources.map((source) => ({ source, firstName: h.firstName, lastName: h.lastName })),
    })),
    warnings: [],
  };
});
