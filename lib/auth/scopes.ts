// Client-safe: the API-client form, the seed and withApiClient share this list (no Prisma).

/**
 * Every scope an API client can hold. A /v2 route declares one of these (withApiClient's `scope`
 * is typed by this list, so a route cannot name a scope that does not exist); the demo back-office
 * client is seeded with all of them, so a scope added here reaches it without another edit.
 */
export const API_SCOPES = [
  { scope: "programs:read", label: "Read programs", description: "List the org's programs (GET /v2/programs)." },
  { scope: "customers:read", label: "Read customers", description: "Look up, search and read customers, their identifiers and enrolments." },
  { scope: "customers:write", label: "Write customers", description: "Register and update customers and change their identifiers." },
  { scope: "groups:read", label: "Read user groups", description: "Read user groups, their members and fleet hierarchies." },
  { scope: "groups:write", label: "Manage user groups", description: "Create groups, join, leave and transfer members; manage fleet hierarchies." },
  { scope: "transactions:read", label: "Read transactions", description: "Read customers' and groups' transactions." },
  { scope: "transactions:write", label: "Add transactions", description: "Post purchases and returns that earn or reverse points." },
  { scope: "points:read", label: "Read points", description: "Read balances, expiry schedules and points history." },
  { scope: "points:write", label: "Move points", description: "Redeem and transfer points, and adjust balances." },
  { scope: "tiers:write", label: "Adjust tiers", description: "Manual tier (slab) adjustments." },
  { scope: "workflows:read", label: "Read workflows", description: "Read a program's workflow document, LIVE, draft or any version (GET /v2/programs/{id}/workflow)." },
  { scope: "workflows:write", label: "Write workflows", description: "Save a program's workflow draft and publish it (PUT …/workflow, POST …/workflow/publish)." },
  { scope: "webhooks:write", label: "Manage webhooks", description: "Create and update event-notification webhooks (the vendor's POST and PUT /v3/webHooks)." },
] as const;

export type ApiScope = (typeof API_SCOPES)[number]["scope"];

export const SCOPE_NAMES = API_SCOPES.map((s) => s.scope) as [ApiScope, ...ApiScope[]];

/** The scopes a point-of-sale system uses: customers, groups, transactions and points (issue 14). */
export const POS_SCOPES: readonly ApiScope[] = SCOPE_NAMES.filter((s) => /^(customers|groups|transactions|points|programs):/.test(s));

export function isApiScope(name: string): name is ApiScope {
  return (SCOPE_NAMES as readonly string[]).includes(name);
}
