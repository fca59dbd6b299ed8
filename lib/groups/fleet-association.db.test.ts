import { beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createCustomer, createGroupsOrg } from "@/lib/testing/groups-factories";
import { associateCustomer } from "./fleet-association";
import { createFleetHierarchy, updateFleetHierarchy } from "./fleet-hierarchies";
import { associationDetailsSchema, type AssociationDetails } from "@/lib/customers/association-schema";
import { createFleetHierarchySchema, updateFleetHierarchySchema } from "./fleet-schema";

// Seed 000's B2B stories through the association function, inside a transaction as the customer
// create or update runs it.
const actor = SYSTEM_ACTOR;
let orgId: number;

const FLEET_ROLES = [
  { code: "Owner", childRoleCode: "Driver", maxChild: 2, pointsAggregationRole: true, permissions: [{ permissionCode: "allow_points_redemption", permissionValue: true }, { permissionCode: "allow_points_transfer", permissionValue: true }] },
  { code: "Driver", permissions: [{ permissionCode: "block_points_redemption", permissionValue: true }, { permissionCode: "block_points_transfer", permissionValue: true }] },
];
const DIST_ROLES = [
  { code: "RegionalDistributor", childRoleCode: "AreaManager", maxChild: 10, pointsAggregationRole: true },
  { code: "AreaManager", childRoleCode: "StoreOwner", maxChild: 10 },
  { code: "StoreOwner", permissions: [{ permissionCode: "block_points_redemption", permissionValue: true }, { permissionCode: "block_points_transfer", permissionValue: true }] },
];
const fleetCompany = (externalId: string, hierarchy = "FLEET_HIER_001") => ({ name: `${externalId} Ltd`, hierarchyDefinitionCode: hierarchy, externalId });
const details = (roleCode: string, company = "abc_logistics_001", hierarchy = "FLEET_HIER_001", extra: Partial<AssociationDetails> = {}) =>
  associationDetailsSchema.parse({ hierarchyCode: hierarchy, roleCode, fleetCompany: fleetCompany(company, hierarchy), ...extra });

async function associate(d: AssociationDetails, customerId?: number) {
  const id = customerId ?? (await createCustomer(orgId)).id;
  const outcome = await db.$transaction((tx) => associateCustomer(tx, { orgId, actor, customerId: id, details: d }));
  return { customerId: id, ...outcome };
}
async function refusal(d: AssociationDetails, customerId?: number): Promise<number | undefined> {
  try {
    await associate(d, customerId);
    return undefined;
  } catch (error) {
    return error instanceof AppError ? error.code : -1;
  }
}

beforeAll(async () => {
  ({ orgId } = await createGroupsOrg({ groupSize: 30 }));
  const fleet = await createFleetHierarchy({ orgId, actor, input: createFleetHierarchySchema.parse({ name: "Fleet Hierarchy", code: "FLEET_HIER_001", isAutoGroupCreationEnabled: true, isHierarchyCreationStrict: true, isSkipRoleAllowed: false, isDefault: true, isActive: true }) });
  await updateFleetHierarchy({ orgId, actor, id: fleet.id, input: updateFleetHierarchySchema.parse({ roles: FLEET_ROLES }) });
  await createFleetHierarchy({ orgId, actor, input: createFleetHierarchySchema.parse({ name: "Distributor Hierarchy", code: "DIST_HIER_001", isAutoGroupCreationEnabled: true, isHierarchyCreationStrict: false, isSkipRoleAllowed: true, roles: DIST_ROLES }) });
  await createFleetHierarchy({ orgId, actor, input: createFleetHierarchySchema.parse({ code: "EMPTY_HIER" }) });
});

describe("associating fleet customers", () => {
  it("makes the owner's company group automatically, with the owner as primary", async () => {
    const owner = await associate(details("Owner"));
    expect(owner).toMatchObject({ hierarchyCode: "FLEET_HIER_001", roleCode: "Owner", companyExternalId: "abc_logistics_001", parentCustomerId: null, unchanged: false });
    const group = await db.userGroup.findUniqueOrThrow({ where: { id: owner.groupId ?? 0 }, include: { memberships: true, company: true } });
    expect(group).toMatchObject({ externalId: "abc_logistics_001", groupName: "abc_logistics_001 Ltd", maxGroupSize: 30_000 });
    expect(group.company?.externalId).toBe("abc_logistics_001");
    expect(group.memberships.map((m) => [m.customerId, m.primaryMember, m.permissions])).toEqual([[owner.customerId, true, ["allow_points_redemption", "allow_points_transfer"]]]);
  });

  it("adds a driver to the owner's group with the driver role's blocks, under the owner", async () => {
    const owner = await db.customerAssociation.findFirstOrThrow({ where: { orgId, role: { code: "Owner" }, company: { externalId: "abc_logistics_001" } } });
    const driver = await associate(details("Driver"));
    expect(driver.parentCustomerId).toBe(owner.customerId);
    const membership = await db.groupMembership.findFirstOrThrow({ where: { customerId: driver.customerId, groupId: driver.groupId ?? 0 } });
    expect(membership).toMatchObject({ primaryMember: false, permissions: ["block_points_redemption", "block_points_transfer"], exitedAt: null });
  });

  it("caps an owner's drivers at the role's maxChild (1618)", async () => {
    await associate(details("Driver"));
    const before = await db.customerAssociation.count({ where: { orgId } });
    expect(await refusal(details("Driver"))).toBe(1618);
    expect(await db.customerAssociation.count({ where: { orgId } })).toBe(before);
  });

  it("refuses a driver whose company has no owner in a strict hierarchy (1625)", async () => {
    expect(await refusal(details("Driver", "no_owner_co"))).toBe(1625);
  });

  it("keeps role, company and hierarchy fixed (1627, 1628, 1626); the same association again changes nothing", async () => {
    const { customerId } = await associate(details("Owner", "xyz_co"));
    expect((await associate(details("Owner", "xyz_co"), customerId)).unchanged).toBe(true);
    expect(await refusal(details("Driver", "xyz_co"), customerId)).toBe(1627);
    expect(await refusal(details("Owner", "other_co"), customerId)).toBe(1628);
    expect(await refusal(details("RegionalDistributor", "north_x", "DIST_HIER_001"), customerId)).toBe(1626);
  });

  it("links a store owner straight to the regional distributor when roles may be skipped", async () => {
    const distributor = await associate(details("RegionalDistributor", "north_region_001", "DIST_HIER_001"));
    const storeOwner = await associate(details("StoreOwner", "north_region_001", "DIST_HIER_001"));
    expect(storeOwner.parentCustomerId).toBe(distributor.customerId);
    expect(storeOwner.groupId).toBe(distributor.groupId);
    const membership = await db.groupMembership.findFirstOrThrow({ where: { customerId: storeOwner.customerId } });
    expect(membership.permissions).toEqual(["block_points_redemption", "block_points_transfer"]);
  });

  it("checks a named parent: mapped (1625), same company (1622), a role that may parent this one (1617)", async () => {
    const stranger = await createCustomer(orgId);
    expect(await refusal(details("Driver", "abc_logistics_001", "FLEET_HIER_001", { parentCustomer: { id: stranger.id } }))).toBe(1625);
    const otherOwner = await associate(details("Owner", "pqr_co"));
    expect(await refusal(details("Driver", "abc_logistics_001", "FLEET_HIER_001", { parentCustomer: { id: otherOwner.customerId } }))).toBe(1622);
    const driver = await db.customerAssociation.findFirstOrThrow({ where: { orgId, role: { code: "Driver" }, company: { externalId: "abc_logistics_001" } } });
    expect(await refusal(details("Driver", "abc_logistics_001", "FLEET_HIER_001", { parentCustomer: { id: driver.customerId } }))).toBe(1617);
  });

  it("refuses an unknown hierarchy (1701), an unknown role (1615), a hierarchy without roles (1695), a company of another hierarchy (1696, 1616)", async () => {
    expect(await refusal(details("Owner", "c1", "NOPE"))).toBe(1701);
    expect(await refusal(details("Pilot"))).toBe(1615);
    expect(await refusal(details("Owner", "c2", "EMPTY_HIER"))).toBe(1695);
    expect(await refusal(details("RegionalDistributor", "abc_logistics_001", "DIST_HIER_001"))).toBe(1696);
    expect(await refusal(associationDetailsSchema.parse({ hierarchyCode: "FLEET_HIER_001", roleCode: "Owner", fleetCompany: fleetCompany("c3", "DIST_HIER_001") }))).toBe(1616);
  });

  it("refuses an inactive hierarchy (1610)", async () => {
    const h = await createFleetHierarchy({ orgId, actor, input: createFleetHierarchySchema.parse({ code: "OFF_HIER", isActive: false, roles: FLEET_ROLES }) });
    expect(h.id).toBeGreaterThan(0);
    expect(await refusal(details("Owner", "c4", "OFF_HIER"))).toBe(1610);
  });

  it("names a parent by identifier too", async () => {
    const owner = await createCustomer(orgId);
    await associate(details("Owner", "ident_co"), owner.id);
    const driver = await associate(details("Driver", "ident_co", "FLEET_HIER_001", { parentCustomer: { identifierName: "mobile", identifierValue: owner.mobile } }));
    expect(driver.parentCustomerId).toBe(owner.id);
  });

  it("warns, and associates, when the company has no group and groups are not created automatically", async () => {
    const h = await createFleetHierarchy({ orgId, actor, input: createFleetHierarchySchema.parse({ code: "MANUAL_HIER", isAutoGroupCreationEnabled: false, roles: FLEET_ROLES }) });
    expect(h.id).toBeGreaterThan(0);
    const owner = await associate(details("Owner", "manual_co", "MANUAL_HIER"));
    expect(owner.groupId).toBeNull();
    expect(owner.warnings).toEqual([{ code: 1697, message: "Company manual_co has no group yet: create one and join the customer, or turn on auto group creation." }]);
  });
});
