import { beforeAll, describe, expect, it } from "vitest";
import { createCustomer, createGroupsOrg, declareSeedGroupFields, groupsDb } from "@/lib/testing/groups-factories";
import { caller } from "./api-test-helpers";
import { POST as JOIN } from "./join/route";
import { GET, POST } from "./route";

// Every user-group request body printed in seed 000 (shared/seeds/000_d3771bcfce457d43.txt),
// sent verbatim against customers with the seed's ids.
type Batch = { response: { result: Record<string, unknown> | null; errors: unknown[] }[]; failureCount: number };

let call: ReturnType<typeof caller>;
let orgId: number;

beforeAll(async () => {
  const setup = await createGroupsOrg({ groupSize: 5 });
  orgId = setup.orgId;
  call = caller(setup.authorization);
  await declareSeedGroupFields(orgId);
  for (const id of [564662499, 564662500, 564662501]) await createCustomer(orgId, { id });
});

const create = async (body: unknown) => {
  const res = await call(POST, "POST", "/api/v2/userGroup2", body);
  expect(res.status).toBe(200);
  return (res.body as { entity: number }).entity;
};
const join = async (groupId: number, body: unknown) => {
  const res = await call(JOIN, "POST", `/api/v2/userGroup2/join?id=${groupId}`, body);
  expect(res.status).toBe(200);
  expect((res.body as Batch).failureCount).toBe(0);
  return (res.body as Batch).response[0]?.result;
};

describe("seed 000 bodies, verbatim", () => {
  it("family: a group of five, a primary, then the printed secondary", async () => {
    const family = await create({ externalId: "family_5", groupName: "Family of five", maxGroupSize: 5 });
    const primary = await createCustomer(orgId);
    await join(family, [{ userId: primary.id, primaryMember: true, permissions: ["allow_points_redemption", "allow_points_transfer"], defaultGroup: true, active: true }]);
    const result = await join(family, [
      { userId: 564662499, primaryMember: false, permissions: ["allow_points_redemption", "allow_points_transfer"], defaultGroup: true, active: true },
    ]);
    expect(result).toEqual({ userId: 564662499, groupId: family, permissions: ["allow_points_redemption", "allow_points_transfer"], primaryMember: false, active: true, defaultGroup: true });
  });

  it("friends and family: the printed member with redemption allowed", async () => {
    const pool = await create({ externalId: "ff_pool", groupName: "Friends pool", maxGroupSize: 3 });
    const primary = await createCustomer(orgId);
    await join(pool, [{ userId: primary.id, primaryMember: true }]);
    const result = await join(pool, [{ userId: 564662501, primaryMember: false, permissions: ["allow_points_redemption"], defaultGroup: true, active: true }]);
    expect(result).toMatchObject({ userId: 564662501, permissions: ["allow_points_redemption"], defaultGroup: true });
  });

  it("fleet: the printed group with extendedFields, the owner, the driver", async () => {
    const fleet = await create({ externalId: "fleet_ug_001", groupName: "ABC Logistics Fleet", maxGroupSize: 20, extendedFields: { ug_status: "Active", ug_registration_date: "2025-11-10T15:10:00Z" } });
    const owner = await join(fleet, [{ userId: 564662499, primaryMember: true, permissions: ["allow_points_redemption", "allow_points_transfer"], defaultGroup: true, active: true }]);
    expect(owner).toMatchObject({ primaryMember: true, defaultGroup: true });
    const driver = await join(fleet, [{ userId: 564662500, primaryMember: false, permissions: ["block_points_redemption", "block_points_transfer"], defaultGroup: true, active: true }]);
    expect(driver).toMatchObject({ userId: 564662500, permissions: ["block_points_redemption", "block_points_transfer"], primaryMember: false });
    const shown = await call(GET, "GET", "/api/v2/userGroup2?externalId=fleet_ug_001");
    expect(shown.body).toMatchObject({ groupName: "ABC Logistics Fleet", maxGroupSize: 20, extendedFields: { ug_status: "Active", ug_registration_date: "2025-11-10T15:10:00Z" } });
  });

  it("distributor: the printed group with extendedFields and the printed store owner", async () => {
    const dist = await create({ externalId: "dist_ug_north_001", groupName: "North Region Distributor Group", maxGroupSize: 100, extendedFields: { ug_status: "Active", ug_registration_date: "2025-11-10T15:10:00Z" } });
    const distributor = await createCustomer(orgId);
    await join(dist, [{ userId: distributor.id, primaryMember: true, permissions: ["allow_points_redemption", "allow_points_transfer"] }]);
    const storeOwner = await join(dist, [{ userId: 564662501, primaryMember: false, permissions: ["block_points_redemption", "block_points_transfer"], defaultGroup: true, active: true }]);
    expect(storeOwner).toMatchObject({ userId: 564662501, permissions: ["block_points_redemption", "block_points_transfer"], defaultGroup: true });
    // defaultGroup: true moved 564662501's default here from the friends pool: one default per customer.
    const defaults = (await groupsDb.memberships({ customerId: 564662501 })).filter((m) => m.defaultGroup && m.exitedAt === null);
    expect(defaults.map((m) => m.groupId)).toEqual([dist]);
  });
});
