import { withApiClient } from "@/lib/api/with-api-client";
import { listGroupMembers } from "@/lib/groups/queries";
import { membersQuery } from "@/lib/groups/schema";
import { assertGroupsEnabled, resolveGroupByIdentifier } from "@/lib/groups/store";

/**
 * GET /v2/userGroup2/members?identifierName=id|externalId&identifierValue= (SPEC §1.8): current
 * members (exited ones too with includeExited=true), paged and sorted.
 */
export const GET = withApiClient({ scope: "groups:read", query: membersQuery }, async ({ orgId, query }) => {
  await assertGroupsEnabled(orgId);
  const groupId = await resolveGroupByIdentifier(orgId, query.identifierName, query.identifierValue);
  const limit = query.limit ?? 20;
  const offset = query.offset ?? 0;
  const { total, rows } = await listGroupMembers({
    orgId, groupId, includeExited: query.includeExited ?? false, sortBy: query.sortBy ?? "IS_PRIMARY", sortOrder: query.sortOrder,
    limit, offset, fromDate: query.fromDate, toDate: query.toDate,
  });
  return {
    groupId,
    data: rows.map((m) => ({
      userId: m.userId,
      role: m.role,
      firstName: m.firstName,
      lastName: m.lastName,
      email: m.email,
      mobile: m.mobile,
      identifiers: m.identifiers,
      permissions: m.permissions,
      defaultGroup: m.defaultGroup,
      active: m.active,
      pointsContributed: m.pointsContributed,
      joinedOn: m.joinedAt.toISOString(),
      exitedOn: m.exitedAt?.toISOString() ?? null,
      membershipStatus: m.status,
      ...(m.fleetRole ? { fleetRole: m.fleetRole } : {}),
      ...(query.includeCardDetails
        ? { cardDetails: m.cards.map((c) => ({ cardNumber: c.cardNumber, ...(query.includeStatusDetails ? { status: c.status, statusReason: c.statusReason, createdOn: c.createdAt.toISOString() } : {}) })) }
        : {}),
    })),
    pagination: { limit, offset, total },
    warnings: [],
  };
});
