import { z } from "zod";

// Client-safe: the create form and the server action share these (no Prisma, no server-only).

/**
 * What an API client may be allowed to do. withApiClient checks the route's scope against this
 * list's names, so a name here must match the `scope` a /v2 route declares.
 */
export const API_SCOPES = [
  { scope: "programs:read", label: "Read programs", description: "List the org's programs (GET /v2/programs)." },
  { scope: "customers:read", label: "Read customers", description: "Look up customers, their points and tiers." },
  { scope: "customers:write", label: "Write customers", description: "Register and update customers and their identifiers." },
  { scope: "transactions:write", label: "Add transactions", description: "Post purchases and returns that earn or reverse points." },
  { scope: "points:write", label: "Move points", description: "Redeem and transfer points, and adjust balances." },
  { scope: "groups:write", label: "Manage user groups", description: "Create groups, join, leave and transfer members." },
  { scope: "tiers:write", label: "Adjust tiers", description: "Manual tier (slab) adjustments." },
  { scope: "workflows:read", label: "Read workflows", description: "Read a program's workflow document, LIVE, draft or any version (GET /v2/programs/{id}/workflow)." },
  { scope: "workflows:write", label: "Write workflows", description: "Save a program's workflow draft and publish it (PUT …/workflow, POST …/workflow/publish)." },
] as const;

export type ApiScope = (typeof API_SCOPES)[number]["scope"];
const SCOPE_NAMES = API_SCOPES.map((s) => s.scope) as [ApiScope, ...ApiScope[]];

export const createApiClientSchema = z.object({
  name: z.string().trim().min(1, "Enter a name, e.g. the system and store that will use it.").max(100, "Keep the name to 100 characters or fewer."),
  // "" from the select means "not bound to a till".
  tillId: z.union([z.literal(""), z.coerce.number().int().positive()]).transform((v) => (v === "" ? null : v)),
  scopes: z
    .array(z.enum(SCOPE_NAMES, { message: "Unknown scope." }))
    .min(1, "Choose at least one scope: a client without scopes can call nothing.")
    .transform((list) => [...new Set(list)]),
});
export type CreateApiClientInput = z.input<typeof createApiClientSchema>;

export const apiClientIdSchema = z.object({ id: z.coerce.number().int().positive() });
