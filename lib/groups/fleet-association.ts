import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { getOrgConfig } from "@/lib/org/configs";
import { groupError } from "./errors";
import type { AssociationDetails } from "@/lib/customers/association-schema";
import { createGroup } from "./groups";
import { admitMember } from "./join";
import { MEMBER_PERMISSIONS, type MemberPermission } from "./schema";
import { findCustomerIdByIdentifier, type Tx } from "./store";

// Associating a customer with a fleet hierarchy (SPEC §3.2, seed 000's B2B stories), inside the
// caller's transaction: the customer create or update that carries `associationDetails` and
// this association commit together or not at all.
//
// - The aggregation role's holder (the owner) gets the company's group, created automatically
//   when the hierarchy (or GROUP_CREATION_ENABLED) says so, and is its primary member.
// - Roles below it (drivers, store owners) join the owner's group with their role's permissions.
// - Strict hierarchy: a customer needs a parent of the role directly above (a driver needs an
//   owner, 1625). Skip-role: the parent may hold any role above (distributor → store owner).
// - The parent role's maxChild caps its children (1618); role and company never change (1627, 1628).

/** The code of an association's warnings (ours, SPEC §9): the association stands, a group step did not happen. */
export const ASSOCIATION_WARNING = 1697;

export type AssociationOutcome = {
  associationId: number;
  hierarchyCode: string;
  roleCode: string;
  companyExternalId: string | null;
  parentCustomerId: number | null;
  groupId: number | null;
  unchanged: boolean;
  /** Secondary parts that did not happen (no group to join, …): the association itself stands. */
  warnings: { code: number; message: string }[];
};

export async function associateCustomer(
  tx: Tx,
  { orgId, actor, customerId, details }: { orgId: number; actor: Actor; customerId: number; details: AssociationDetails },
): Promise<AssociationOutcome> {
  const { hierarchyCode, roleCode } = details;
  const hierarchy = await tx.fleetHierarchy.findFirst({
    where: { orgId, code: hierarchyCode },
    select: { id: true, code: true, active: true, autoGroupCreationEnabled: true, hierarchyCreationStrict: true, skipRoleAllowed: true, roles: { orderBy: { position: "asc" } } },
  });
  if (!hierarchy) throw groupError(1701, [hierarchyCode], "associationDetails.hierarchyCode");
  if (!hierarchy.active) throw groupError(1610, [], "associationDetails.hierarchyCode");
  if (hierarchy.roles.length === 0) throw groupError(1695, [hierarchy.code], "associationDetails.hierarchyCode");
  const company = details.fleetCompany;
  if (company?.hierarchyDefinitionCode && company.hierarchyDefinitionCode !== hierarchy.code) {
    throw groupError(1616, [company.hierarchyDefinitionCode], "associationDetails.fleetCompany.hierarchyDefinitionCode");
  }
  const idx = hierarchy.roles.findIndex((r) => r.code === roleCode);
  const role = hierarchy.roles[idx];
  if (!role) throw groupError(1615, [roleCode], "associationDetails.roleCode");

  const existing = await tx.customerAssociation.findUnique({ where: { customerId }, select: { id: true, hierarchyId: true, roleId: true, parentCustomerId: true, company: { select: { externalId: true } } } });
  if (existing) {
    if (existing.hierarchyId !== hierarchy.id) throw groupError(1626, [], "associationDetails.hierarchyCode");
    if (existing.roleId !== role.id) throw groupError(1627, [], "associationDetails.roleCode");
    if ((company?.externalId ?? null) !== null && company?.externalId !== existing.company?.externalId) throw groupError(1628, [], "associationDetails.fleetCompany.externalId");
    return {
      associationId: existing.id, hierarchyCode: hierarchy.code, roleCode: role.code, companyExternalId: existing.company?.externalId ?? null,
      parentCustomerId: existing.parentCustomerId, groupId: null, unchanged: true, warnings: [],
    };
  }

  const companyRow = company?.externalId ? await findOrCreateCompany(tx, orgId, hierarchy, { externalId: company.externalId, name: company.name ?? company.externalId }) : null;
  const parent = await resolveParent(tx, orgId, { hierarchy, idx, companyId: companyRow?.id ?? null, given: details.parentCustomer });
  if (parent) {
    const parentRole = hierarchy.roles[parent.roleIndex];
    await tx.$queryRaw`SELECT id FROM "CustomerAssociation" WHERE id = ${parent.associationId} FOR UPDATE`;
    const children = await tx.customerAssociation.count({ where: { parentCustomerId: parent.customerId } });
    if (parentRole?.maxChild !== null && parentRole?.maxChild !== undefined && children >= parentRole.maxChild) {
      throw groupError(1618, [parentRole.code, parentRole.maxChild], "associationDetails.roleCode");
    }
  }
  const association = await tx.customerAssociation.create({
    data: { orgId, customerId, hierarchyId: hierarchy.id, roleId: role.id, companyId: companyRow?.id ?? null, parentCustomerId: parent?.customerId ?? null },
    select: { id: true },
  });

  const warnings: string[] = [];
  const groupId = await joinCompanyGroup(tx, { orgId, actor, customerId, hierarchy, role, idx, company: companyRow, warnings });
  return {
    associationId: association.id, hierarchyCode: hierarchy.code, roleCode: role.code, companyExternalId: companyRow?.externalId ?? null,
    parentCustomerId: parent?.customerId ?? null, groupId, unchanged: false,
    warnings: warnings.map((message) => ({ code: ASSOCIATION_WARNING, message })),
  };
}

type HierarchyRow = { id: number; code: string; autoGroupCreationEnabled: boolean; hierarchyCreationStrict: boolean; skipRoleAllowed: boolean; roles: RoleRow[] };
type RoleRow = { id: number; code: string; pointsAggregationRole: boolean; maxChild: number | null; permissions: unknown };

/** The company by external id, created on first use; locked so associations in one company queue up. */
async function findOrCreateCompany(tx: Tx, orgId: number, hierarchy: HierarchyRow, company: { externalId: string; name: string }) {
  await tx.fleetCompany.upsert({
    where: { orgId_externalId: { orgId, externalId: company.externalId } },
    create: { orgId, hierarchyId: hierarchy.id, externalId: company.externalId, name: company.name },
    update: {},
  });
  const rows = await tx.$queryRaw<{ id: number; externalId: string; name: string; hierarchyId: number }[]>`
    SELECT id, "externalId", name, "hierarchyId" FROM "FleetCompany" WHERE "orgId" = ${orgId} AND "externalId" = ${company.externalId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw groupError(1704, [company.externalId]);
  if (row.hierarchyId !== hierarchy.id) {
    const other = await tx.fleetHierarchy.findUniqueOrThrow({ where: { id: row.hierarchyId }, select: { code: true } });
    throw groupError(1696, [company.externalId, other.code, hierarchy.code], "associationDetails.fleetCompany.externalId");
  }
  return row;
}

/** The parent: the one named, or the company's holder of the nearest qualifying role above. */
async function resolveParent(
  tx: Tx,
  orgId: number,
  { hierarchy, idx, companyId, given }: { hierarchy: HierarchyRow; idx: number; companyId: number | null; given: AssociationDetails["parentCustomer"] },
): Promise<{ customerId: number; associationId: number; roleIndex: number } | null> {
  const roleIndexOf = (roleId: number) => hierarchy.roles.findIndex((r) => r.id === roleId);
  if (given && (given.id !== undefined || given.identifierValue !== undefined)) {
    const label = given.id ?? given.identifierValue ?? "";
    const parentId = given.id ?? (await findCustomerIdByIdentifier(tx, orgId, given.identifierName ?? "id", given.identifierValue ?? ""));
    const assoc = await tx.customerAssociation.findFirst({ where: { orgId, customerId: parentId, hierarchyId: hierarchy.id }, select: { id: true, roleId: true, companyId: true } });
    if (!assoc) throw groupError(1625, [label], "associationDetails.parentCustomer");
    if (companyId !== null && assoc.companyId !== companyId) throw groupError(1622, [], "associationDetails.parentCustomer");
    const roleIndex = roleIndexOf(assoc.roleId);
    if (!(roleIndex === idx - 1 || (roleIndex < idx - 1 && hierarchy.skipRoleAllowed))) throw groupError(1617, [], "associationDetails.roleCode");
    return { customerId: parentId, associationId: assoc.id, roleIndex };
  }
  if (idx === 0) return null;
  const candidates = companyId === null ? [] : await tx.customerAssociation.findMany({
    where: { orgId, companyId, hierarchyId: hierarchy.id, roleId: { in: hierarchy.roles.slice(0, idx).map((r) => r.id) } },
    orderBy: { id: "asc" },
    select: { id: true, customerId: true, roleId: true },
  });
  const allowed = hierarchy.skipRoleAllowed ? hierarchy.roles.slice(0, idx).map((_, i) => i).reverse() : [idx - 1];
  for (const roleIndex of allowed) {
    const holder = candidates.find((c) => roleIndexOf(c.roleId) === roleIndex);
    if (holder) return { customerId: holder.customerId, associationId: holder.id, roleIndex };
  }
  if (hierarchy.hierarchyCreationStrict) throw groupError(1625, [hierarchy.roles[idx - 1]?.code ?? ""], "associationDetails.roleCode");
  return null;
}

/** The owner gets (or creates) the company's group as primary; roles below join it as secondaries. */
async function joinCompanyGroup(
  tx: Tx,
  { orgId, actor, customerId, hierarchy, role, idx, company, warnings }: {
    orgId: number; actor: Actor; customerId: number; hierarchy: HierarchyRow; role: RoleRow; idx: number;
    company: { id: number; externalId: string; name: string } | null; warnings: string[];
  },
): Promise<number | null> {
  const aggregation = hierarchy.roles.findIndex((r) => r.pointsAggregationRole);
  if (aggregation < 0 || idx < aggregation) return null;
  if (!company) {
    warnings.push("No fleetCompany passed: the customer joins no group.");
    return null;
  }
  if (!(await getOrgConfig(orgId, "CONF_USER_GROUP_ENABLED", tx))) {
    warnings.push("User groups are not enabled for this org (CONF_USER_GROUP_ENABLED): the customer joins no group.");
    return null;
  }
  let group = await tx.userGroup.findFirst({ where: { orgId, companyId: company.id, status: "ACTIVE" }, select: { id: true } });
  if (!group && idx === aggregation && (hierarchy.autoGroupCreationEnabled || (await getOrgConfig(orgId, "GROUP_CREATION_ENABLED", tx)))) {
    const maxGroupSize = await getOrgConfig(orgId, "CONF_MAX_FLEET_GROUP_SIZE", tx);
    group = await createGroup({ orgId, actor, tx, companyId: company.id, input: { externalId: company.externalId, groupName: company.name, maxGroupSize, extendedFields: {} } });
  }
  if (!group) {
    warnings.push(`Company ${company.externalId} has no group yet: create one and join the customer, or turn on auto group creation.`);
    return null;
  }
  const { warnings: joinWarnings } = await admitMember(tx, {
    orgId, actor, groupId: group.id,
    member: { userId: customerId, primaryMember: idx === aggregation, permissions: memberPermissions(role.permissions) },
  });
  warnings.push(...joinWarnings);
  return group.id;
}

/** A role's permissions that are member permissions and granted (`permissionValue` true). */
export function memberPermissions(permissions: unknown): MemberPermission[] {
  if (!Array.isArray(permissions)) return [];
  return MEMBER_PERMISSIONS.filter((code) => permissions.some((p: { permissionCode?: unknown; permissionValue?: unknown }) => p.permissionCode === code && p.permissionValue !== false));
}
