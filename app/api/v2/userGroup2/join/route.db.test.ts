import { beforeAll, describe, expect, it } from "vitest";
import { createCustomer, createGroupRow, createGroupsOrg, groupsDb, setOrgConfig } from "@/lib/testing/groups-factories";
import { caller, type ErrorBody } from "../api-test-helpers";
import { POST } from "./route";

type Item = { entityId: Record<string, unknown>; result: Record<string, unknown> | null; errors: { code: number; message: string }[]; warnings: string[] };
type Batch = { response: Item[]; totalCount: number; failureCount: number; errors?: { code: number }[] };

let call: ReturnType<typeof caller>;
let orgId: number;
const join = (qs: string, body: unknown) => call(POST, "POST", `/api/v2/userGroup2/join?${qs}`, body);

beforeAll(async () => {
  const setup = await createGroupsOrg({ groupSize: 5 });
  orgId = setup.orgId;
  call = caller(setup.authorization);
});

describe("POST /v2/userGroup2/join", () => {
  it("admits a primary and secondaries and echoes each membership", async () => {
    const group = await createGroupRow(orgId, { maxGroupSize: 5 });
    const [p, s] = [await createCustomer(orgId), await createCustomer(orgId)];
    const res = await join(`id=${group.id}`, [
      { userId: p.id, primaryMember: true, permissions: ["allow_points_redemption", "allow_points_transfer"], defaultGroup: true, active: true },
      { userId: s.id, primaryMember: false, permissions: ["block_points_redemption", "block_points_transfer"] },
    ]);
    expect(res.status).toBe(200);
    const body = res.body as Batch;
    expect(body).toMatchObject({ totalCount: 2, failureCount: 0 });
    expect(body.response[0]).toEqual({
      entityId: { userId: p.id, groupId: group.id, permissions: ["allow_points_redemption", "allow_points_transfer"], primaryMember: true, active: true, defaultGroup: true },
      result: { userId: p.id, groupId: group.id, permissions: ["allow_points_redemption", "allow_points_transfer"], primaryMember: true, active: true, defaultGroup: true },
      errors: [],
      warnings: [],
    });
    expect(body.response[1]?.result).toMatchObject({ userId: s.id, primaryMember: false, defaultGroup: true });
  });

  it("finds the group by externalId and by primaryUserId", async () => {
    const group = await createGroupRow(orgId, { externalId: "join_by_ext" });
    const p = await createCustomer(orgId);
    expect((await join("externalId=join_by_ext", [{ userId: p.id, primaryMember: true }])).status).toBe(200);
    const s = await createCustomer(orgId);
    const res = await join(`primaryUserId=${p.id}`, [{ userId: s.id }]);
    expect((res.body as Batch).response[0]?.result).toMatchObject({ groupId: group.id, userId: s.id });
  });

  it("takes each member on its own: one bad member of five leaves four admitted", async () => {
    const group = await createGroupRow(orgId, { maxGroupSize: 10 });
    const members = [await createCustomer(orgId), await createCustomer(orgId), await createCustomer(orgId), await createCustomer(orgId)];
    const res = await join(`id=${group.id}`, [
      { userId: members[0]?.id, primaryMember: true },
      { userId: members[1]?.id },
      { userId: 1 },
      { userId: members[2]?.id },
      { userId: members[3]?.id },
    ]);
    expect(res.status).toBe(200);
    const body = res.body as Batch;
    expect(body).toMatchObject({ totalCount: 5, failureCount: 1 });
    expect(body.response[2]).toMatchObject({ result: null, errors: [{ code: 1621, message: "User with 1 does not exist." }], entityId: { userId: 1, groupId: group.id } });
    expect(await groupsDb.countMemberships({ groupId: group.id })).toBe(4);
  });

  it("answers a 4xx with the members' codes when every member failed", async () => {
    const group = await createGroupRow(orgId);
    const res = await join(`id=${group.id}`, [{ userId: 2 }, { userId: 3 }]);
    expect(res.status).toBe(404);
    const body = res.body as Batch;
    expect(body.failureCount).toBe(2);
    expect(body.errors?.map((e) => e.code)).toEqual([1621, 1621]);
  });

  it("refuses a member already in the group (1623), also twice in one batch", async () => {
    const group = await createGroupRow(orgId);
    const p = await createCustomer(orgId);
    const res = await join(`id=${group.id}`, [{ userId: p.id, primaryMember: true }, { userId: p.id }]);
    const body = res.body as Batch;
    expect(body.response[1]?.errors).toEqual([{ status: false, code: 1623, message: `User ${p.id} already present in group ${group.id}.` }]);
  });

  it("allows one primary (1637), and a primary of one group only (1642)", async () => {
    const [g1, g2] = [await createGroupRow(orgId), await createGroupRow(orgId)];
    const [a, b] = [await createCustomer(orgId), await createCustomer(orgId)];
    await join(`id=${g1.id}`, [{ userId: a.id, primaryMember: true }]);
    const second = await join(`id=${g1.id}`, [{ userId: b.id, primaryMember: true }]);
    expect(second.status).toBe(409);
    expect((second.body as Batch).response[0]?.errors[0]).toMatchObject({ code: 1637, message: "Primary member exists for the group." });
    const elsewhere = await join(`id=${g2.id}`, [{ userId: a.id, primaryMember: true }]);
    expect((elsewhere.body as Batch).response[0]?.errors[0]).toMatchObject({ code: 1642, message: "User is primary member in a different group." });
    // As a secondary the same customer may join another group.
    expect((await join(`id=${g2.id}`, [{ userId: b.id, primaryMember: true }, { userId: a.id }])).status).toBe(200);
  });

  it("refuses an unknown permission code with 1641, naming it", async () => {
    const group = await createGroupRow(orgId);
    const p = await createCustomer(orgId);
    const res = await join(`id=${group.id}`, [{ userId: p.id, primaryMember: true, permissions: ["allow_points_redemption", "earn_points"] }]);
    expect((res.body as Batch).response[0]?.errors[0]).toMatchObject({ code: 1641, message: "Invalid permission code earn_points passed." });
  });

  it("counts the primary in CONF_USER_GROUP_SIZE: 1 primary + 4 secondaries, the 6th is 1638", async () => {
    const group = await createGroupRow(orgId, { maxGroupSize: 20 });
    const people = await Promise.all(Array.from({ length: 6 }, () => createCustomer(orgId)));
    const res = await join(`id=${group.id}`, people.map((c, i) => ({ userId: c.id, primaryMember: i === 0 })));
    const body = res.body as Batch;
    expect(body.failureCount).toBe(1);
    expect(body.response[5]?.errors[0]).toMatchObject({ code: 1638, message: "Total members in the group reached maximum group capacity 5." });
  });

  it("caps by maxGroupSize when it is smaller, and keeps a place for the primary", async () => {
    const group = await createGroupRow(orgId, { maxGroupSize: 2 });
    const [a, b, c] = [await createCustomer(orgId), await createCustomer(orgId), await createCustomer(orgId)];
    const res = await join(`id=${group.id}`, [{ userId: a.id }, { userId: b.id }, { userId: c.id, primaryMember: true }]);
    const items = (res.body as Batch).response;
    expect(items[0]?.errors).toEqual([]);
    expect(items[1]?.errors[0]?.code).toBe(1638);
    expect(items[2]?.errors).toEqual([]);
  });

  it("keeps one default group per customer: defaultGroup true moves it, with a warning", async () => {
    const [g1, g2] = [await createGroupRow(orgId), await createGroupRow(orgId)];
    const m = await createCustomer(orgId);
    await join(`id=${g1.id}`, [{ userId: m.id }]);
    const res = await join(`id=${g2.id}`, [{ userId: m.id, defaultGroup: true }]);
    expect((res.body as Batch).response[0]?.warnings).toEqual([`Group ${g1.id} is no longer the default group of user ${m.id}; group ${g2.id} is.`]);
    const defaults = (await groupsDb.memberships({ customerId: m.id })).filter((r) => r.defaultGroup && r.exitedAt === null);
    expect(defaults.map((r) => r.groupId)).toEqual([g2.id]);
  });

  it("refuses joins to an inactive group with 1691", async () => {
    const group = await createGroupRow(orgId);
    await groupsDb.setStatus(group.id, "INACTIVE");
    const p = await createCustomer(orgId);
    const res = await join(`id=${group.id}`, [{ userId: p.id, primaryMember: true }]);
    expect((res.body as Batch).response[0]?.errors[0]).toMatchObject({ code: 1691, message: `Group ${group.id} is INACTIVE: members cannot join it.` });
  });

  it("needs a group selector (1635), a known group (1632) and an array body", async () => {
    expect(((await join("", [{ userId: 1 }])).body as ErrorBody).errors[0]?.code).toBe(1635);
    const unknown = await join("id=999999", [{ userId: 1 }]);
    expect(unknown.status).toBe(404);
    expect((unknown.body as ErrorBody).errors[0]?.code).toBe(1632);
    expect((await join("id=1", { userId: 1 })).status).toBe(400);
    expect(((await join("id=1", [])).body as ErrorBody).errors[0]?.code).toBe(400);
  });

  it("refuses a batch over 100 members with 1060", async () => {
    const group = await createGroupRow(orgId);
    const res = await join(`id=${group.id}`, Array.from({ length: 101 }, (_, i) => ({ userId: i + 1 })));
    expect(res.status).toBe(400);
    expect((res.body as ErrorBody).errors[0]?.code).toBe(1060);
  });

  it("answers 1690 when user groups are switched off", async () => {
    const group = await createGroupRow(orgId);
    await setOrgConfig(orgId, "CONF_USER_GROUP_ENABLED", false);
    const res = await join(`id=${group.id}`, [{ userId: 1 }]);
    await setOrgConfig(orgId, "CONF_USER_GROUP_ENABLED", true);
    expect(res.status).toBe(403);
    expect((res.body as ErrorBody).errors[0]?.code).toBe(1690);
  });
});
