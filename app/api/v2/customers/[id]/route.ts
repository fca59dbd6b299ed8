import { withApiClient } from "@/lib/api/with-api-client";
import { customerJson } from "@/lib/customers/customer-json";
import { getCustomerView } from "@/lib/customers/customer-view";
import { customerError } from "@/lib/customers/errors";
import { customerBodySchema, customerIdPathSchema, getCustomerQuerySchema, updateByIdQuerySchema } from "@/lib/customers/schema";
import { saveCustomerUpdateIn } from "@/lib/customers/save";
import { apiActor, associate, customerWrite } from "../customer-writes";

/** GET /v2/customers/{id}: the customer with profiles per source, cards, and `embed=mlp|points` (SPEC-vendor-api §B.4). */
export const GET = withApiClient(
  { scope: "customers:read", params: customerIdPathSchema, query: getCustomerQuerySchema },
  async ({ orgId, params, query }) => {
    const view = await getCustomerView({ orgId, customerId: params.id });
    if (!view) throw customerError(8015, `no customer ${params.id} in this org`);
    if (view.mergedIntoId !== null) throw customerError(8069, `customer ${view.id} was merged into ${view.mergedIntoId}`);
    return customerJson(view, { source: query.source, accountId: query.accountId, embed: query.embed });
  },
);

/** PUT /v2/customers/{id}: updates the customer (SPEC-vendor-api §B.2); fleet association and the till's programs' CustomerUpdate workflows in the same transaction. */
export const PUT = withApiClient(
  { scope: "customers:write", params: customerIdPathSchema, query: updateByIdQuerySchema, body: customerBodySchema },
  async ({ caller, orgId, params, query, body, request, requestId }) => {
    const actor = apiActor(caller);
    return customerWrite({ caller, orgId, request, body, requestId }, true, (tx) => saveCustomerUpdateIn(tx, {
      orgId,
      actor,
      customerId: params.id,
      body,
      tillId: caller.tillId,
      singleEnroll: query.mlp_single_enroll,
      inSameTransaction: associate({ orgId, actor, associationDetails: body.associationDetails }),
    }));
  },
);
