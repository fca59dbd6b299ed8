import { withApiClient } from "@/lib/api/with-api-client";
import { saveIdentifierChange } from "@/lib/customers/save";
import { changeIdentifierBodySchema, changeIdentifierQuerySchema, customerIdPathSchema } from "@/lib/customers/schema";
import { apiActor } from "../../customer-writes";

/** POST /v2/customers/{id}/changeIdentifier: adds and removes identifiers in one source, `{createdId, warnings}` (SPEC-vendor-api §B.3). */
export const POST = withApiClient(
  { scope: "customers:write", params: customerIdPathSchema, query: changeIdentifierQuerySchema, body: changeIdentifierBodySchema },
  async ({ caller, orgId, params, query, body }) => {
    const result = await saveIdentifierChange({ orgId, actor: apiActor(caller), customerId: params.id, source: query.source ?? "INSTORE", accountId: query.accountId, body });
    return { createdId: result.customerId, warnings: result.warnings };
  },
);
