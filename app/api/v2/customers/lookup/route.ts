import { withApiClient } from "@/lib/api/with-api-client";
import { lookupCustomer } from "@/lib/customers/queries";
import { customerBodySchema, lookupQuerySchema, updateByLookupQuerySchema } from "@/lib/customers/schema";
import { saveCustomerUpdateIn } from "@/lib/customers/save";
import { apiActor, associate, customerWrite } from "../customer-writes";

/** GET /v2/customers/lookup: the id of the customer an identifier names, `{entity, warnings}` (SPEC-vendor-api §B.4). */
export const GET = withApiClient({ scope: "customers:read", query: lookupQuerySchema }, async ({ orgId, query }) => {
  const customer = await lookupCustomer({ orgId, ...query });
  return { entity: customer.id, warnings: [] };
});

/** PUT /v2/customers/lookup: updates the customer an identifier names (SPEC-vendor-api §B.2), as PUT /v2/customers/{id} does. */
export const PUT = withApiClient(
  { scope: "customers:write", query: updateByLookupQuerySchema, body: customerBodySchema },
  async ({ caller, orgId, query, body, request, requestId }) => {
    const actor = apiActor(caller);
    const { identifierName, identifierValue, source, accountId } = query;
    return customerWrite({ caller, orgId, request, body, requestId }, true, (tx) => saveCustomerUpdateIn(tx, {
      orgId,
      actor,
      lookup: { identifierName, identifierValue, source, accountId },
      body,
      tillId: caller.tillId,
      singleEnroll: query.mlp_single_enroll,
      inSameTransaction: associate({ orgId, actor, associationDetails: body.associationDetails }),
    }));
  },
);
