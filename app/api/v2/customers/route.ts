import { withApiClient } from "@/lib/api/with-api-client";
import { saveNewCustomerIn } from "@/lib/customers/save";
import { createCustomerQuerySchema, customerBodySchema } from "@/lib/customers/schema";
import { apiActor, associate, customerWrite } from "./customer-writes";

/**
 * POST /v2/customers: registers a customer (SPEC-vendor-api §B.1); fleet association and the
 * enrolled programs' CustomerRegistration workflows in the same transaction. Idempotency-Key replays.
 */
export const POST = withApiClient(
  { scope: "customers:write", query: createCustomerQuerySchema, body: customerBodySchema },
  async ({ caller, orgId, query, body, request, requestId }) => {
    const actor = apiActor(caller);
    return customerWrite({ caller, orgId, request, body, requestId }, false, (tx) =>
      saveNewCustomerIn(tx, {
        orgId,
        actor,
        body,
        tillId: caller.tillId,
        singleEnroll: query.mlp_single_enroll,
        inSameTransaction: associate({ orgId, actor, associationDetails: body.associationDetails }),
      }),
    );
  },
);
