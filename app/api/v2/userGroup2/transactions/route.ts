import { withApiClient } from "@/lib/api/with-api-client";
import { groupTransactionsQuery } from "@/lib/groups/schema";
import { listGroupTransactions } from "@/lib/groups/transactions";

/** GET /v2/userGroup2/transactions (vendor §E.5): the bills the group's members made while members. */
export const GET = withApiClient({ scope: "groups:read", query: groupTransactionsQuery }, async ({ orgId, query }) => {
  const { id, externalId, primaryUserId, identifierName, identifierValue, source: _source, accountId: _accountId, ...filters } = query;
  return listGroupTransactions({
    orgId,
    selector: { id, externalId, primaryUserId },
    primaryIdentifier: identifierName && identifierValue ? { name: identifierName, value: identifierValue } : undefined,
    filters,
  });
});
