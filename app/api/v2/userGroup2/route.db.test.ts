import { beforeAll, describe, expect, it } from "vitest";
import { createApiClient, createOrg } from "@/lib/testing/factories";
import { createCustomer, createGroupsOrg, groupsDb, declareSeedGroupFields, setOrgConfig } from "@/lib/testing/groups-factories";
import { caller, codes, type ErrorBody } from "./api-test-helpers";
import { POST as JOIN } from "./join/route";
import { DELETE, GET, POST, PUT } from "./route";

let call: ReturnType<typeof caller>;
let orgId: number;

beforeAll(async () => {
  const setup = await createGroupsOrg();
  orgId = setup.orgId;
  call = caller(setup.authorization);
  await declareSeedGroupFields(orgId);
});

const create = (body: unknown) => call(POST, "POST", "/api/v2/userGroup2", body);

describe("POST /v2/userGroup2", () => {
  it("creates a group and answers {entity, warnings}", async () => {
    const res = await create({ externalId: "family_001", groupName: "The Ramans", maxGroupSize: 5 });
    expect(res.status).toBe(200);
    const { entity, warnings } = res.body as { entity: number; warnings: unknown[] };
    expect(warnings).toEqual([]);
    const row = await groupsDb.group(entity);
    expect(row).toMatchObject({ orgId, externalId: "family_001", groupName: "The Ramans", maxGroupSize: 5, status: "ACTIVE" });
    expect(entity).toBeGreaterThanOrEqual(3848000);
  });

  it("refuses a taken externalId with 1633", async () => {
    await create({ externalId: "dup_001", maxGroupSize: 5 });
    const res = await create({ externalId: "dup_001", maxGroupSize: 5 });
    expect(res.status).toBe(409);
    expect((res.body as ErrorBody).errors).toEqual([{ status: false, code: 1633, message: "Fleet group external ID dup_001 already exists.", field: "externalId" }]);
  });

  it.each([[{ maxGroupSize: 5 }], [{ externalId: null, maxGroupSize: 5 }], [{ externalId: "", maxGroupSize: 5 }]])("refuses a missing externalId with 1634 (%j)", async (body) => {
    const res = await create(body);
    expect(res.status).toBe(400);
    expect(codes(res.body)).toEqual([1634]);
    expect((res.body as ErrorBody).errors[0]?.message).toBe("Fleet group externalId can't be null.");
  });

  it("refuses a missing maxGroupSize with 403 'Field maxGroupSize is mandatory.'", async () => {
    const res = await create({ externalId: "nosize" });
    expect(res.status).toBe(400);
    expect((res.body as ErrorBody).errors).toEqual([{ status: false, code: 403, message: "Field maxGroupSize is mandatory.", field: "maxGroupSize" }]);
  });

  it.each([0, -3])("refuses maxGroupSize %i with 1640", async (size) => {
    const res = await create({ externalId: `size${size}`, maxGroupSize: size });
    expect(codes(res.body)).toEqual([1640]);
  });

  it("refuses maxGroupSize above CONF_MAX_FLEET_GROUP_SIZE with 1639, naming the limit", async () => {
    expect(codes((await create({ externalId: "huge", maxGroupSize: 30_001 })).body)).toEqual([1639]);
    await setOrgConfig(orgId, "CONF_MAX_FLEET_GROUP_SIZE", 50);
    const res = await create({ externalId: "over50", maxGroupSize: 51 });
    expect(res.status).toBe(422);
    expect((res.body as ErrorBody).errors[0]?.message).toBe("Group max size can not exceed product limit 50.");
    expect((await create({ externalId: "at50", maxGroupSize: 50 })).status).toBe(200);
    await setOrgConfig(orgId, "CONF_MAX_FLEET_GROUP_SIZE", 30_000);
  });

  it("refuses names and external ids over 50 characters", async () => {
    const res = await create({ externalId: "x".repeat(51), groupName: "y".repeat(51), maxGroupSize: 5 });
    expect(res.status).toBe(400);
    expect((res.body as ErrorBody).errors.map((e) => e.field).sort()).toEqual(["externalId", "groupName"]);
  });

  it("checks extended fields against the org's user-group declarations", async () => {
    const unknown = await create({ externalId: "ef1", maxGroupSize: 5, extendedFields: { shoe_size: 42 } });
    expect(unknown.status).toBe(422);
    expect((unknown.body as ErrorBody).errors[0]).toMatchObject({ code: 400, field: "extendedFields.shoe_size" });
    const badEnum = await create({ externalId: "ef2", maxGroupSize: 5, extendedFields: { ug_status: "Maybe" } });
    expect((badEnum.body as ErrorBody).errors[0]?.message).toBe("Invalid input : extendedFields.ug_status: must be one of Active, Inactive.");
    const badDate = await create({ externalId: "ef3", maxGroupSize: 5, extendedFields: { ug_registration_date: "yesterday" } });
    expect((badDate.body as ErrorBody).errors[0]?.field).toBe("extendedFields.ug_registration_date");
    expect(await groupsDb.countGroups({ orgId, externalId: { in: ["ef1", "ef2", "ef3"] } })).toBe(0);
  });

  it("answers 1690 (403) when user groups are off, creating nothing", async () => {
    const off = await createGroupsOrg({ enabled: false });
    const res = await caller(off.authorization)(POST, "POST", "/api/v2/userGroup2", { externalId: "g1", maxGroupSize: 5 });
    expect(res.status).toBe(403);
    expect((res.body as ErrorBody).errors).toEqual([{ status: false, code: 1690, message: "User groups are not enabled for this org: turn on CONF_USER_GROUP_ENABLED." }]);
    expect(await groupsDb.countGroups({ orgId: off.orgId })).toBe(0);
  });

  it("answers 403 to a client without the groups:write scope, 401 without credentials", async () => {
    const { authorization } = await createApiClient(orgId, { scopes: ["groups:read"] });
    expect((await caller(authorization)(POST, "POST", "/api/v2/userGroup2", { externalId: "s1", maxGroupSize: 5 })).status).toBe(403);
    expect((await caller("Basic bm86bm8=")(POST, "POST", "/api/v2/userGroup2", { externalId: "s1", maxGroupSize: 5 })).status).toBe(401);
  });
});

describe("PUT /v2/userGroup2", () => {
  let id: number;
  beforeAll(async () => {
    id = ((await create({ externalId: "upd_001", groupName: "Before", maxGroupSize: 5 })).body as { entity: number }).entity;
  });
  const put = (body: unknown) => call(PUT, "PUT", "/api/v2/userGroup2", body);

  it("updates by id and answers with the group", async () => {
    const res = await put({ id, groupName: "After", maxGroupSize: 8, extendedFields: { ug_status: "Active" } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, externalId: "upd_001", groupName: "After", maxGroupSize: 8, extendedFields: { ug_status: "Active" }, warnings: [] });
  });

  it("updates by externalId alone", async () => {
    const res = await put({ externalId: "upd_001", groupName: "Again" });
    expect(res.body).toMatchObject({ id, groupName: "Again" });
  });

  it("changes the externalId when id picks the group; a taken one is 1633", async () => {
    await create({ externalId: "upd_taken", maxGroupSize: 5 });
    expect(codes((await put({ id, externalId: "upd_taken" })).body)).toEqual([1633]);
    expect((await put({ id, externalId: "upd_002" })).body).toMatchObject({ externalId: "upd_002" });
  });

  it("refuses a request that changes nothing with 1643", async () => {
    const res = await put({ id, groupName: "Again" });
    expect(res.status).toBe(422);
    expect((res.body as ErrorBody).errors[0]).toMatchObject({ code: 1643, message: "Nothing to update in the group." });
  });

  it("needs id or externalId (1644) and a known group (1619 by id, 1632 by externalId)", async () => {
    expect(codes((await put({ groupName: "x" })).body)).toEqual([1644]);
    const byId = await put({ id: 999_999, groupName: "x" });
    expect(byId.status).toBe(404);
    expect((byId.body as ErrorBody).errors[0]?.message).toBe("Group ID 999999 invalid.");
    expect(codes((await put({ externalId: "nope", groupName: "x" })).body)).toEqual([1632]);
  });

  it("refuses sizes: not positive 1640, over the product limit 1639, below current members 1692", async () => {
    expect(codes((await put({ id, maxGroupSize: 0 })).body)).toEqual([1640]);
    expect(codes((await put({ id, maxGroupSize: 30_001 })).body)).toEqual([1639]);
    const a = await createCustomer(orgId);
    const b = await createCustomer(orgId);
    await call(JOIN, "POST", `/api/v2/userGroup2/join?id=${id}`, [{ userId: a.id, primaryMember: true }, { userId: b.id }]);
    const res = await put({ id, maxGroupSize: 1 });
    expect(res.status).toBe(409);
    expect((res.body as ErrorBody).errors[0]?.message).toBe("Group max size 1 is below the 2 current members of the group.");
  });
});

describe("GET /v2/userGroup2", () => {
  let id: number;
  let primaryId: number;
  beforeAll(async () => {
    id = ((await create({ externalId: "get_001", groupName: "Getters", maxGroupSize: 5, extendedFields: { ug_status: "Active" } })).body as { entity: number }).entity;
    const p = await createCustomer(orgId);
    const s = await createCustomer(orgId);
    primaryId = p.id;
    await call(JOIN, "POST", `/api/v2/userGroup2/join?id=${id}`, [
      { userId: p.id, primaryMember: true, permissions: ["allow_points_redemption", "allow_points_transfer"] },
      { userId: s.id, permissions: ["allow_points_redemption"] },
    ]);
  });
  const get = (qs: string) => call(GET, "GET", `/api/v2/userGroup2?${qs}`);

  it.each(["id", "externalId", "primaryUserId"])("finds the group by %s with its current members", async (by) => {
    const value = by === "id" ? id : by === "externalId" ? "get_001" : primaryId;
    const res = await get(`${by}=${value}`);
    expect(res.status).toBe(200);
    const body = res.body as { id: number; groupStatus: string; fleetGroupUsers: { userId: number; primaryMember: boolean; defaultGroup: boolean }[]; extendedFields: unknown };
    expect(body).toMatchObject({ id, externalId: "get_001", groupName: "Getters", groupStatus: "ACTIVE", maxGroupSize: 5, extendedFields: { ug_status: "Active" } });
    expect(body.fleetGroupUsers).toHaveLength(2);
    expect(body.fleetGroupUsers[0]).toMatchObject({ userId: primaryId, primaryMember: true, defaultGroup: true });
    expect(body).not.toHaveProperty("programDetails");
  });

  it("adds the wallet on request: programDetails with the default program, empty expiries", async () => {
    const res = await get(`id=${id}&programDetails=true&expiredPoints=true&expirySchedules=true`);
    const body = res.body as { programDetails: { isDefault: boolean; currentPoints: number; lifetimePoints: number }[]; expiredPoints: unknown[]; expirySchedules: unknown[] };
    expect(body.programDetails).toHaveLength(1);
    expect(body.programDetails[0]).toMatchObject({ isDefault: true, currentPoints: 0, lifetimePoints: 0, redeemedPoints: 0, expiredPoints: 0 });
    expect(body.expiredPoints).toEqual([]);
    expect(body.expirySchedules).toEqual([]);
  });

  it("needs a selector (1635) and a known group (1632)", async () => {
    const none = await get("");
    expect(none.status).toBe(400);
    expect((none.body as ErrorBody).errors[0]).toMatchObject({ code: 1635, message: "Fleet group query param is not passed." });
    const unknown = await get("externalId=missing");
    expect(unknown.status).toBe(404);
    expect((unknown.body as ErrorBody).errors[0]?.message).toBe("Fleet group ID/externalID/primary userID missing passed is not valid.");
  });

  it("never shows another org's group", async () => {
    const other = await createOrg();
    await setOrgConfig(other.org.id, "CONF_USER_GROUP_ENABLED", true);
    const { authorization } = await createApiClient(other.org.id, { scopes: ["groups:read"] });
    const res = await caller(authorization)(GET, "GET", `/api/v2/userGroup2?id=${id}`);
    expect(res.status).toBe(404);
    expect(codes(res.body)).toEqual([1632]);
  });
});

describe("DELETE /v2/userGroup2", () => {
  it("marks the group DELETED, exits its members and keeps the history", async () => {
    const id = ((await create({ externalId: "del_001", maxGroupSize: 5 })).body as { entity: number }).entity;
    const p = await createCustomer(orgId);
    await call(JOIN, "POST", `/api/v2/userGroup2/join?id=${id}`, [{ userId: p.id, primaryMember: true }]);
    const res = await call(DELETE, "DELETE", "/api/v2/userGroup2?externalId=del_001");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ warnings: [] });
    expect((await groupsDb.group(id)).status).toBe("DELETED");
    const memberships = await groupsDb.memberships({ groupId: id });
    expect(memberships).toHaveLength(1);
    expect(memberships[0]?.exitedAt).not.toBeNull();
    const again = await call(DELETE, "DELETE", `/api/v2/userGroup2?id=${id}`);
    expect(again.status).toBe(409);
    expect((again.body as ErrorBody).errors[0]).toMatchObject({ code: 1694, message: `Group ${id} is deleted.` });
  });

  it("needs a selector (1635)", async () => {
    expect(codes((await call(DELETE, "DELETE", "/api/v2/userGroup2")).body)).toEqual([1635]);
  });
});
