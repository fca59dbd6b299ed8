import { z } from "zod";
import type { DocumentedError } from "@/lib/api/openapi/operation";
import { GROUP_ERRORS, type GroupErrorCode } from "./errors";

// Response shapes of the user-group and fleet API, for the OpenAPI document (the handlers build
// them in lib/groups; these schemas describe them).

const membership = z.object({
  userId: z.number().int(),
  groupId: z.number().int(),
  permissions: z.array(z.string()),
  primaryMember: z.boolean(),
  active: z.boolean(),
  defaultGroup: z.boolean(),
});
const itemError = z.object({ status: z.literal(false), code: z.number().int(), message: z.string() });

export const entityResponse = z.object({ entity: z.number().int(), warnings: z.array(z.unknown()) });
export const successResponse = z.object({ warnings: z.array(z.unknown()), errors: z.array(itemError), success: z.literal(true) });
export const warningsResponse = z.object({ warnings: z.array(z.unknown()) });

export const joinResponse = z
  .object({
    response: z.array(z.object({ entityId: membership, result: membership.nullable(), errors: z.array(itemError), warnings: z.array(z.string()) })),
    totalCount: z.number().int(),
    failureCount: z.number().int(),
  })
  .meta({ description: "One item per member, each admitted or refused on its own. When every member failed the status is 4xx and `errors` repeats the members' errors." });

export const updateGroupResponse = z.object({
  id: z.number().int(),
  externalId: z.string(),
  groupName: z.string(),
  maxGroupSize: z.number().int(),
  extendedFields: z.record(z.string(), z.unknown()),
  entityType: z.literal("USERGROUP2"),
  promisedPointsScheduleList: z.array(z.unknown()),
  triggerBasedPointsList: z.array(z.unknown()),
  warnings: z.array(z.unknown()),
});

const programDetail = z.object({
  programId: z.number().int(),
  programName: z.string(),
  isDefault: z.boolean(),
  currentPoints: z.number(),
  lifetimePoints: z.number(),
  redeemedPoints: z.number(),
  expiredPoints: z.number(),
  returnedPoints: z.number(),
  tier: z.object({ number: z.number().int(), name: z.string() }).nullable(),
});

export const groupDetailsResponse = z.object({
  id: z.number().int(),
  externalId: z.string(),
  groupName: z.string(),
  groupStatus: z.enum(["ACTIVE", "INACTIVE", "DELETED"]),
  maxGroupSize: z.number().int(),
  createdBy: z.string(),
  createdOn: z.string(),
  lastUpdatedOn: z.string(),
  extendedFields: z.record(z.string(), z.unknown()),
  fleetGroupUsers: z.array(membership.omit({ groupId: true }).extend({ groupId: z.number().int(), joinedOn: z.string() })),
  companyDetails: z.object({ companyId: z.number().int(), externalId: z.string(), name: z.string(), hierarchyDefinitionCode: z.string() }).nullable().optional(),
  programDetails: z.array(programDetail).optional().meta({ description: "The group wallet per program (with programDetails=true): the default program always." }),
  expiredPoints: z.array(z.object({ points: z.number(), expiredOn: z.string(), programId: z.number().int(), expiredPointsSummary: z.array(z.unknown()) })).optional(),
  expirySchedules: z.array(z.object({ points: z.number(), expiryDate: z.string(), programId: z.number().int() })).optional(),
  warnings: z.array(z.string()),
});

export const searchResponse = z.object({
  pagination: z.object({ limit: z.number().int(), offset: z.number().int(), total: z.number().int() }),
  data: z.array(
    z.object({
      groupId: z.number().int(),
      groupName: z.string(),
      groupStatus: z.string(),
      groupExternalId: z.string(),
      firstName: z.string().nullable(),
      lastName: z.string().nullable(),
      primaryMemberId: z.number().int().nullable(),
      email: z.string().nullable(),
      mobile: z.string().nullable(),
      totalMembers: z.number().int(),
      extendedFields: z.record(z.string(), z.unknown()),
    }),
  ),
  warnings: z.array(z.unknown()),
});

export const membersResponse = z.object({
  groupId: z.number().int(),
  data: z.array(
    z.object({
      userId: z.number().int(),
      role: z.enum(["PRIMARY", "SECONDARY"]),
      firstName: z.string(),
      lastName: z.string(),
      email: z.string().nullable(),
      mobile: z.string().nullable(),
      identifiers: z.array(z.object({ type: z.string(), value: z.string() })),
      permissions: z.array(z.string()),
      defaultGroup: z.boolean(),
      active: z.boolean(),
      pointsContributed: z.number(),
      joinedOn: z.string(),
      exitedOn: z.string().nullable(),
      membershipStatus: z.enum(["CURRENT", "EXITED"]),
      fleetRole: z.object({ code: z.string(), name: z.string() }).optional(),
      cardDetails: z.array(z.object({ cardNumber: z.string(), status: z.string().nullable().optional(), statusReason: z.string().nullable().optional(), createdOn: z.string().optional() })).optional(),
    }),
  ),
  pagination: z.object({ limit: z.number().int(), offset: z.number().int(), total: z.number().int() }),
  warnings: z.array(z.unknown()),
});

export const groupTransactionsResponse = z.object({
  data: z.array(
    z.object({
      id: z.number().int(),
      billNumber: z.string(),
      type: z.enum(["REGULAR", "RETURN"]),
      billAmount: z.number(),
      grossAmount: z.number().nullable(),
      discount: z.number(),
      billingDate: z.string(),
      tillCode: z.string().nullable(),
      customerId: z.number().int(),
      programIds: z.array(z.number().int()),
      extendedFields: z.unknown().optional(),
      lineItemsV2: z.unknown().optional(),
      transactionEventStatus: z.string(),
      pointSummary: z.object({
        issuedPoints: z.number(), returnedPoints: z.number(), redeemedPoints: z.number(), expiredPoints: z.number(), availablePoints: z.number(),
        expiryDate: z.string().nullable(), programId: z.number().int().nullable(), delayedPoints: z.number(), delayedPointsReturned: z.number(), redeemableFrom: z.string().nullable(),
      }),
      userGroup2: z.object({ id: z.number().int(), groupStatus: z.string(), lifeTimePurchases: z.number(), primaryUserId: z.number().int().nullable() }),
    }),
  ),
  pagination: z.object({ limit: z.number().int(), offset: z.number().int(), total: z.number().int() }),
  warnings: z.array(z.unknown()),
  errors: z.array(z.unknown()),
});

const HTTP: Record<string, DocumentedError["status"]> = { INVALID: 422, CONFLICT: 409, NOT_FOUND: 404, FORBIDDEN: 403 };
/** Codes a zod schema raises: answered as 400 whatever the table's kind. */
const AT_PARSE = new Set<number>([403, 1060, 1601, 1602, 1603, 1604, 1605, 1606, 1607, 1608, 1611, 1612, 1613, 1614, 1629, 1630, 1631, 1634, 1635, 1640, 1644, 1649, 1650]);

/** The documented errors of a route, from the error table (one source for messages and statuses). */
export function documentedErrors(codes: readonly (GroupErrorCode | 1060)[]): DocumentedError[] {
  return codes.map((code) => {
    if (code === 1060) return { status: 400, code, message: "Batch limit size exceeded: at most 100 members per request." };
    const entry = GROUP_ERRORS[code];
    return { status: AT_PARSE.has(code) ? 400 : HTTP[entry.kind] ?? 422, code, message: entry.message };
  });
}

const fleetRole = z.object({
  id: z.number().int(),
  hierarchyId: z.number().int(),
  code: z.string(),
  name: z.string(),
  childRoleCode: z.string().nullable(),
  maxChild: z.number().int().nullable(),
  pointsAggregationRole: z.boolean(),
  nonAutomatedPointsAggregationRole: z.boolean(),
  permissions: z.array(z.object({ permissionCode: z.string(), permissionValue: z.boolean() })),
  createdBy: z.string(),
  createdOn: z.string(),
});
export const fleetHierarchyJsonSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  autoGroupCreationEnabled: z.boolean(),
  hierarchyCreationStrict: z.boolean(),
  skipRoleAllowed: z.boolean(),
  default: z.boolean(),
  active: z.boolean(),
  isAutoGroupCreationEnabled: z.boolean(),
  isHierarchyCreationStrict: z.boolean(),
  isSkipRoleAllowed: z.boolean(),
  isDefault: z.boolean(),
  isActive: z.boolean(),
  createdBy: z.string(),
  createdOn: z.string(),
  roles: z.array(fleetRole),
});
export const fleetPermissionsResponse = z.object({
  data: z.array(z.object({ name: z.string(), label: z.string(), module: z.string(), defaultValue: z.boolean(), active: z.boolean() })),
});
