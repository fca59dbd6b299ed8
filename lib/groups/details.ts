import "server-only";
import { db } from "@/lib/db/client";
import { groupError } from "./errors";
import { getGroupRecord } from "./queries";
import type { GroupSelector } from "./schema";
import { assertGroupsEnabled, resolveGroupId } from "./store";
import { groupExpiredPoints, groupExpirySchedules, groupProgramDetails } from "./wallet";

// GET /v2/userGroup2 (SPEC §1.6, vendor §E.2): the group, its current members, and on request
// its wallet (programDetails), expired points and expiry schedules, read from the ledger.

export type GroupDetailsFlags = {
  programDetails?: boolean | undefined;
  expiredPoints?: boolean | undefined;
  expirySchedules?: boolean | undefined;
  companyDetails?: boolean | undefined;
  gapToUpgradeFor?: string | undefined;
  gapToRenewFor?: string | undefined;
};

export async function getGroupDetails({ orgId, selector, flags = {} }: { orgId: number; selector: GroupSelector; flags?: GroupDetailsFlags }) {
  await assertGroupsEnabled(orgId);
  const groupId = await resolveGroupId(db, orgId, selector);
  const group = await getGroupRecord({ orgId, groupId });
  if (!group) throw groupError(1632, [groupId]);
  const [programDetails, expiredPoints, expirySchedules] = await Promise.all([
    flags.programDetails ? groupProgramDetails(orgId, groupId) : undefined,
    flags.expiredPoints ? groupExpiredPoints(orgId, groupId) : undefined,
    flags.expirySchedules ? groupExpirySchedules(orgId, groupId) : undefined,
  ]);
  const warnings: string[] = [];
  if (flags.gapToUpgradeFor !== undefined || flags.gapToRenewFor !== undefined) {
    warnings.push("Group tiers come with the tiers capability: gapToUpgrade and gapToRenew are empty for now.");
  }
  return {
    id: group.id,
    externalId: group.externalId,
    groupName: group.groupName,
    groupStatus: group.status,
    maxGroupSize: group.maxGroupSize,
    createdBy: group.createdBy,
    createdOn: group.createdAt.toISOString(),
    lastUpdatedOn: group.updatedAt.toISOString(),
    extendedFields: group.extendedFields,
    fleetGroupUsers: group.memberships.map((m) => ({
      userId: m.customerId,
      groupId: m.groupId,
      defaultGroup: m.defaultGroup,
      primaryMember: m.primaryMember,
      active: m.active,
      permissions: m.permissions,
      joinedOn: m.joinedAt.toISOString(),
    })),
    ...(flags.companyDetails
      ? { companyDetails: group.company ? { companyId: group.company.id, externalId: group.company.externalId, name: group.company.name, hierarchyDefinitionCode: group.company.hierarchy.code } : null }
      : {}),
    ...(programDetails ? { programDetails } : {}),
    ...(expiredPoints ? { expiredPoints } : {}),
    ...(expirySchedules ? { expirySchedules } : {}),
    ...(flags.gapToUpgradeFor !== undefined ? { gapToUpgrade: [] } : {}),
    ...(flags.gapToRenewFor !== undefined ? { gapToRenew: [] } : {}),
    warnings,
  };
}
