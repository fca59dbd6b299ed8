import { withApiClient } from "@/lib/api/with-api-client";
import { saveNewCustomer } from "@/lib/customers/save";
import { createCustomerQuerySchema, customerBodySchema } from "@/lib/customers/schema";
import { apiActor, associate, writeAnswer } from "./customer-writes";

/** POST /v2/customers: registers a customer (SPEC-vendor-api §B.1); fleet association in the same transaction. */
export const POST = withApiClient(
  { scope: "customers:write", query: createCustomerQuerySchema, body: customerBodySchema },
  async ({ caller, orgId, query, body }) => {
    const actor = apiActor(caller);
    const saved = await saveNewCustomer({
      orgId,
      actor,
      body,
      tillId: caller.tillId,
      singleEnroll: query.mlp_single_enroll,
      inSameTransaction: associate({ orgId, actor, associationDetails: body.associationDetails }),
    });
    return writeAnswer(saved);
  },
);
