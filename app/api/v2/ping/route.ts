import { withApiClient } from "@/lib/api/with-api-client";

/**
 * GET /v2/ping: checks an API client's credentials and does nothing else. Integrations use it as
 * a health check; `npm run bench:transactions` uses it as the ceiling of an authenticated route.
 */
export const GET = withApiClient({}, async ({ orgId }) => ({ ok: true, orgId, warnings: [] }));
