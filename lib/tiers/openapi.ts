import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { apiOperation, type DocumentedError } from "@/lib/api/openapi/operation";
import { customerIdParams, lookupQuery } from "@/lib/engine/points-schema";
import { TIER_ERRORS, type TierErrorCode } from "./errors";
import { manualSlabBodySchema, manualSlabQuerySchema, tierDetailsQuerySchema } from "./schema";

const STATUS = { NOT_FOUND: 404, CONFLICT: 409, INVALID: 422 } as const;
const documented = (codes: TierErrorCode[]): DocumentedError[] =>
  codes.map((code) => ({ status: STATUS[TIER_ERRORS[code].kind], code, message: TIER_ERRORS[code].message }));

const slab = z.object({ number: z.number().int(), name: z.string() });
const tierChange = z
  .object({
    customerId: z.number().int(),
    programId: z.number().int(),
    slabAction: z.enum(["UPGRADE", "DOWNGRADE", "RENEWAL", "EXTEND_CURRENT_TIER_EXPIRY_DATE"]),
    cause: z.enum(["STRATEGY", "MANUAL", "WORKFLOW", "SCHEDULE", "GROUP_SYNC"]).meta({ description: "GROUP_SYNC: a secondary member following the group's primary (the program's tier sync setting)." }),
    previousSlab: slab.nullable(),
    currentSlab: slab,
    tierExpiryDate: z.string().nullable(),
    reason: z.string(),
  })
  .meta({ id: "TierChange" });

const manualAnswer = z.object({
  entity: z.object({
    customerId: z.number().int(), programId: z.number().int(), slabAction: z.string(), previousSlab: slab.nullable(), currentSlab: slab,
    tierExpiryDate: z.string().nullable(), reassessTierOnNextActivity: z.boolean(),
  }),
  tierChanges: z.array(tierChange),
  warnings: z.array(z.unknown()),
});

const tierDetailsAnswer = z.object({
  entityId: z.number().int(),
  entityType: z.enum(["CUSTOMER", "FLEET"]),
  programTiers: z.array(z.object({
    programId: z.number().int(), currentTierName: z.string().nullable(), currentTierSerialNumber: z.number().int().nullable(),
    tierExpiryDate: z.string().nullable().meta({ description: "YYYY-MM-DD HH:mm:ss (UTC), or null for a tier that never expires." }),
    nextTierName: z.string().nullable(), nextTierSerialNumber: z.number().int().meta({ description: "-1 at the top tier." }),
  })),
  warnings: z.array(z.unknown()),
});

const FLEET: DocumentedError[] = [{ status: 404, code: 1647, message: "Default Fleet group not set for the user." }];

export const tiersPaths: ZodOpenApiPathsObject = {
  "/v2/slab/manualSlabAdjustment": {
    post: apiOperation({
      tag: "Tiers",
      summary: "Adjust a customer's tier by name (manualSlabAdjustment)",
      description:
        "UPGRADE or DOWNGRADE to the tier named by toSlabName (a tier name, never its number), RENEWAL of the current tier, or EXTEND_CURRENT_TIER_EXPIRY_DATE, for FIXED_DURATION days or until a FIXED_DATE. With the program's group tier sync on, the secondaries of the groups the customer is primary of follow in the same transaction (tierChanges). type=USERGROUP2 is refused: adjust each member.",
      scope: "tiers:write",
      query: manualSlabQuerySchema,
      body: manualSlabBodySchema,
      response: manualAnswer,
      errors: documented([1213, 8015, 1801, 1802, 1803, 1804, 1805, 1806, 1807, 1808, 1809, 1810, 1811, 1812]),
    }),
  },
  "/v2/customers/{id}/tierDetails": {
    get: apiOperation({ tag: "Tiers", summary: "A customer's tier per program (vendor §D.8)", scope: "points:read", params: customerIdParams, query: tierDetailsQuerySchema, response: tierDetailsAnswer, errors: [...documented([1213, 8015]), ...FLEET] }),
  },
  "/v2/customers/lookup/tierDetails": {
    get: apiOperation({ tag: "Tiers", summary: "A customer's tier per program, by identifier (vendor §D.8)", scope: "points:read", query: tierDetailsQuerySchema.extend(lookupQuery), response: tierDetailsAnswer, errors: [...documented([1213, 8015]), ...FLEET] }),
  },
};
