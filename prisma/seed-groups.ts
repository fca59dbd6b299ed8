// The demo org's user groups (seeds 000 and 001): the user-group extended fields the seed's create
// bodies send, and a family group so Member Care has something to show. Group 3847940 is the id
// seed 001 transfers points to; its primary, 565345942, is the customer who transfers there.
// Idempotent: found by natural keys first.
import type { PrismaClient } from "@/lib/generated/prisma/client";

export const DEMO_GROUP_FIELDS = [
  { name: "ug_status", type: "ENUM", allowedValues: ["Active", "Inactive"], description: "The group's status as the integration tracks it (seed 000)." },
  { name: "ug_registration_date", type: "DATE", allowedValues: [], description: "When the group registered (seed 000)." },
  { name: "group_avatar_url", type: "STRING", allowedValues: [], description: "Picture shown for the group in apps." },
] as const;

export const DEMO_FAMILY = {
  id: 3847940,
  externalId: "demo_family_001",
  groupName: "Raman Family",
  maxGroupSize: 5,
  extendedFields: { ug_status: "Active", ug_registration_date: "2025-11-10T15:10:00Z" },
  members: [
    { customerId: 565345942, primaryMember: true, permissions: ["allow_points_redemption", "allow_points_transfer"] },
    { customerId: 564662499, primaryMember: false, permissions: ["allow_points_redemption", "allow_points_transfer"] },
    { customerId: 564662501, primaryMember: false, permissions: ["allow_points_redemption"] },
  ],
} as const;

export async function seedGroups(db: PrismaClient, orgId: number): Promise<void> {
  for (const field of DEMO_GROUP_FIELDS) {
    await db.extendedFieldDef.upsert({
      where: { orgId_scope_name: { orgId, scope: "USERGROUP", name: field.name } },
      update: {},
      create: { orgId, scope: "USERGROUP", name: field.name, type: field.type, allowedValues: [...field.allowedValues], description: field.description },
    });
  }
  const family = DEMO_FAMILY;
  if (await db.userGroup.findFirst({ where: { orgId, externalId: family.externalId }, select: { id: true } })) return;
  const ids = family.members.map((m) => m.customerId);
  const present = await db.customer.count({ where: { orgId, id: { in: ids } } });
  if (present !== ids.length) {
    console.warn(`[seed] the demo family group needs customers ${ids.join(", ")}; skipped`);
    return;
  }
  await db.$transaction(async (tx) => {
    await tx.userGroup.create({
      data: { id: family.id, orgId, externalId: family.externalId, groupName: family.groupName, maxGroupSize: family.maxGroupSize, extendedFields: family.extendedFields, createdBy: "seed" },
    });
    for (const m of family.members) {
      await tx.groupMembership.create({ data: { orgId, groupId: family.id, customerId: m.customerId, primaryMember: m.primaryMember, permissions: [...m.permissions], defaultGroup: true } });
    }
  });
}

// Seed 000's two B2B hierarchies with the roles their stories name, and ABC Logistics with its
// owner (564662499, the seed's fleet-owner join) and its auto-created group, so the seed's
// driver and store-owner association bodies work against a fresh demo (the driver joins ABC's
// group; the store owner, with no regional distributor yet, is associated without a group).
const BLOCK_ALL = [{ permissionCode: "block_points_redemption", permissionValue: true }, { permissionCode: "block_points_transfer", permissionValue: true }];
const ALLOW_ALL = [{ permissionCode: "allow_points_redemption", permissionValue: true }, { permissionCode: "allow_points_transfer", permissionValue: true }];
export const DEMO_FLEETS = [
  {
    code: "FLEET_HIER_001", name: "Fleet Hierarchy", description: "Hierarchy for fleet owner and driver roles",
    autoGroupCreationEnabled: true, hierarchyCreationStrict: true, skipRoleAllowed: false, isDefault: true,
    roles: [
      { code: "Owner", name: "Fleet owner", childRoleCode: "Driver", maxChild: 50, pointsAggregationRole: true, permissions: ALLOW_ALL },
      { code: "Driver", name: "Driver", childRoleCode: null, maxChild: null, pointsAggregationRole: false, permissions: BLOCK_ALL },
    ],
  },
  {
    code: "DIST_HIER_001", name: "Distributor Hierarchy", description: "Regional distributor and store owner hierarchy",
    autoGroupCreationEnabled: true, hierarchyCreationStrict: false, skipRoleAllowed: true, isDefault: false,
    roles: [
      { code: "RegionalDistributor", name: "Regional distributor", childRoleCode: "AreaManager", maxChild: 20, pointsAggregationRole: true, permissions: ALLOW_ALL },
      { code: "AreaManager", name: "Area manager", childRoleCode: "StoreOwner", maxChild: 50, pointsAggregationRole: false, permissions: BLOCK_ALL },
      { code: "StoreOwner", name: "Store owner", childRoleCode: null, maxChild: null, pointsAggregationRole: false, permissions: BLOCK_ALL },
    ],
  },
] as const;
export const DEMO_FLEET_OWNER = { customerId: 564662499, hierarchy: "FLEET_HIER_001", role: "Owner", company: { externalId: "abc_logistics_001", name: "ABC Logistics" } } as const;

export async function seedFleets(db: PrismaClient, orgId: number): Promise<void> {
  for (const fleet of DEMO_FLEETS) {
    if (await db.fleetHierarchy.findFirst({ where: { orgId, code: fleet.code }, select: { id: true } })) continue;
    const { roles, ...rest } = fleet;
    await db.fleetHierarchy.create({
      data: { orgId, ...rest, createdBy: "seed", roles: { create: roles.map((r, position) => ({ orgId, position, ...r, permissions: [...r.permissions] })) } },
    });
  }
  const owner = DEMO_FLEET_OWNER;
  if (await db.customerAssociation.findUnique({ where: { customerId: owner.customerId }, select: { id: true } })) return;
  const hierarchy = await db.fleetHierarchy.findFirstOrThrow({ where: { orgId, code: owner.hierarchy }, include: { roles: true } });
  const role = hierarchy.roles.find((r) => r.code === owner.role);
  if (!role) throw new Error("seed: the fleet owner's role is missing");
  await db.$transaction(async (tx) => {
    const company = await tx.fleetCompany.create({ data: { orgId, hierarchyId: hierarchy.id, ...owner.company } });
    await tx.customerAssociation.create({ data: { orgId, customerId: owner.customerId, hierarchyId: hierarchy.id, roleId: role.id, companyId: company.id } });
    const group = await tx.userGroup.create({
      data: { orgId, externalId: company.externalId, groupName: company.name, maxGroupSize: 30_000, companyId: company.id, createdBy: "seed" },
    });
    await tx.groupMembership.create({
      data: { orgId, groupId: group.id, customerId: owner.customerId, primaryMember: true, permissions: ["allow_points_redemption", "allow_points_transfer"], defaultGroup: false },
    });
  });
}
