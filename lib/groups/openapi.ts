import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { apiOperation } from "@/lib/api/openapi/operation";
import {
  documentedErrors,
  entityResponse,
  fleetHierarchyJsonSchema,
  fleetPermissionsResponse,
  groupDetailsResponse,
  groupTransactionsResponse,
  joinResponse,
  membersResponse,
  searchResponse,
  successResponse,
  updateGroupResponse,
  warningsResponse,
} from "./api-schema";
import { createFleetHierarchySchema, fleetHierarchyIdParams, fleetHierarchyQuery, updateFleetHierarchySchema } from "./fleet-schema";
import {
  createGroupSchema,
  deleteGroupQuery,
  getGroupQuery,
  groupSelectorQuery,
  groupTransactionsQuery,
  joinBodySchema,
  leaveParams,
  leaveQuery,
  membersQuery,
  searchGroupsQuery,
  transferBodySchema,
  updateGroupSchema,
} from "./schema";

// The user-group routes in the OpenAPI document (SPEC §1, vendor §E), from the handlers' schemas.
const tag = "User groups";
const OFF = 1690 as const;
const fleet = "Fleet hierarchies";

export const groupsPaths: ZodOpenApiPathsObject = {
  "/v2/userGroup2": {
    post: apiOperation({
      tag, scope: "groups:write", summary: "Create a group",
      description: "Creates a user group (SPEC §1.1). `externalId` is unique in the org; `maxGroupSize` at most CONF_MAX_FLEET_GROUP_SIZE; extended fields must be declared for user groups.",
      body: createGroupSchema, response: entityResponse,
      errors: documentedErrors([403, 1634, 1640, 1633, 1639, OFF]),
    }),
    put: apiOperation({
      tag, scope: "groups:write", summary: "Update a group",
      description: "Updates the group picked by `id` (which may then change `externalId`) or by `externalId` (SPEC §1.2).",
      body: updateGroupSchema, response: updateGroupResponse,
      errors: documentedErrors([1644, 1634, 1640, 1619, 1632, 1633, 1639, 1643, 1692, 1694, OFF]),
    }),
    get: apiOperation({
      tag, scope: "groups:read", summary: "Get a group",
      description: "The group by `id`, `externalId` or `primaryUserId`, with its current members; `programDetails`, `expiredPoints`, `expirySchedules` add the group wallet read from the ledger (SPEC §1.6).",
      query: getGroupQuery, response: groupDetailsResponse,
      errors: documentedErrors([1635, 1632, OFF]),
    }),
    delete: apiOperation({
      tag, scope: "groups:write", summary: "Delete a group",
      description: "The group becomes DELETED and every current member exits; its history and ledger stay (vendor §E.3).",
      query: deleteGroupQuery, response: warningsResponse,
      errors: documentedErrors([1635, 1632, 1694, OFF]),
    }),
  },
  "/v2/userGroup2/join": {
    post: apiOperation({
      tag, scope: "groups:write", summary: "Join members to a group",
      description: "Adds the members of the array body to the group named in the query (SPEC §1.3); each member succeeds or fails on its own. CONF_USER_GROUP_SIZE and maxGroupSize cap the members, the primary counted.",
      query: groupSelectorQuery, body: joinBodySchema, response: joinResponse,
      errors: documentedErrors([1635, 1060, 1632, 1621, 1623, 1637, 1638, 1641, 1642, 1691, OFF]),
    }),
  },
  "/v2/userGroup2/{groupId}/leave": {
    delete: apiOperation({
      tag, scope: "groups:write", summary: "Remove a member from a group",
      description: "The member leaves; the membership is kept as exited. When the primary leaves, the group goes INACTIVE unless CONF_DISABLE_GROUP_DEACTIVATION_ON_PRIMARY_MEMBER_EXIT (SPEC §1.4).",
      params: leaveParams, query: leaveQuery, response: successResponse,
      errors: documentedErrors([1619, 8015, 1620, OFF]),
    }),
  },
  "/v2/userGroup2/transfer": {
    post: apiOperation({
      tag, scope: "groups:write", summary: "Move members between groups",
      description: "Moves secondary members from `leaveGroupId` to `joinGroupId`, all or nothing, keeping their permissions (SPEC §1.5). Points do not move with them.",
      body: transferBodySchema, response: successResponse,
      errors: documentedErrors([1693, 1619, 1620, 1624, 1623, 1638, 1691, OFF]),
    }),
  },
  "/v2/userGroup2/search": {
    get: apiOperation({
      tag, scope: "groups:read", summary: "Search groups",
      description: "Groups whose id, name or external id match `q`, or whose primary member has an identifier starting with it (SPEC §1.7).",
      query: searchGroupsQuery, response: searchResponse,
      errors: documentedErrors([OFF]),
    }),
  },
  "/v2/userGroup2/members": {
    get: apiOperation({
      tag, scope: "groups:read", summary: "List a group's members",
      description: "Current members by default, exited ones too with `includeExited=true`; paged; sorted by IS_PRIMARY (primary first), JOINED_ON or USER_ID (SPEC §1.8).",
      query: membersQuery, response: membersResponse,
      errors: documentedErrors([1632, OFF]),
    }),
  },
  "/v2/userGroup2/transactions": {
    get: apiOperation({
      tag, scope: "groups:read", summary: "A group's transactions",
      description: "The bills the group's members made while they were members, with the points each brought to the group wallet (vendor §E.5).",
      query: groupTransactionsQuery, response: groupTransactionsResponse,
      errors: documentedErrors([1635, 1632, 8015, OFF]),
    }),
  },

  "/v2/fleetHierarchy": {
    post: apiOperation({
      tag: fleet, scope: "groups:write", summary: "Create a fleet hierarchy",
      description: "A hierarchy with 2–8 roles linked by `childRoleCode` into one chain (SPEC §3.1). Either spelling of the flags is accepted (`isAutoGroupCreationEnabled` / `autoGroupCreationEnabled`, …). Without roles it is created with a warning; roles are then defined with PUT.",
      body: createFleetHierarchySchema, response: entityResponse,
      errors: documentedErrors([1613, 1601, 1602, 1603, 1604, 1605, 1606, 1607, 1608, 1611, 1612, 1614, 1629, 1630, 1631, 1649, 1650, 1600]),
    }),
    get: apiOperation({
      tag: fleet, scope: "groups:read", summary: "Get a fleet hierarchy",
      description: "One active hierarchy by `id` or `code`, with its roles top first; flags in both spellings.",
      query: fleetHierarchyQuery, response: z.object({ entity: fleetHierarchyJsonSchema, warnings: z.array(z.unknown()) }),
      errors: documentedErrors([1613, 1609, 1610]),
    }),
  },
  "/v2/fleetHierarchy/{id}": {
    put: apiOperation({
      tag: fleet, scope: "groups:write", summary: "Update a fleet hierarchy",
      description: "What the body sends replaces what is stored. Once customers are associated the role chain is fixed (1711); names, child caps and permissions may change.",
      params: fleetHierarchyIdParams, body: updateFleetHierarchySchema, response: entityResponse,
      errors: documentedErrors([1613, 1601, 1602, 1603, 1604, 1605, 1606, 1607, 1608, 1611, 1612, 1614, 1629, 1630, 1631, 1649, 1650, 1609, 1600, 1711]),
    }),
    delete: apiOperation({
      tag: fleet, scope: "groups:write", summary: "Delete (deactivate) a fleet hierarchy",
      description: "The hierarchy becomes inactive: it takes no more associations and GET answers 1610; associations and history stay.",
      params: fleetHierarchyIdParams, response: entityResponse,
      errors: documentedErrors([1609, 1610]),
    }),
  },
  "/v2/fleetHierarchy/all": {
    get: apiOperation({
      tag: fleet, scope: "groups:read", summary: "List fleet hierarchies",
      description: "The org's active hierarchies, the default first.",
      response: z.object({ entity: z.array(fleetHierarchyJsonSchema), warnings: z.array(z.unknown()) }),
    }),
  },
  "/v2/fleet/permissions": {
    get: apiOperation({
      tag: fleet, scope: "groups:read", summary: "List member permissions",
      description: "The permissions a join or a fleet role may grant a member (vendor §E.6).",
      response: fleetPermissionsResponse,
    }),
  },
};
