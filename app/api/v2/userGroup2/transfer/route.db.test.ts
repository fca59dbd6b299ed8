import { beforeAll, describe, expect, it } from "vitest";
import { createCustomer, createGroupRow, createGroupsOrg, groupsDb } from "@/lib/testing/groups-factories";
import { caller, codes, type ErrorBody } from "../api-test-helpers";
import { POST as JOIN } from "../join/route";
import { POST } from "./route";

let call: ReturnType<typeof caller>;
let orgId: number;
const transfer = (body: unknown) => call(POST, "POST", "/api/v2/userGroup2/transfer", body);

beforeAll(async () => {
  const setup = await createGroupsOrg({ groupSize: 3 });
  orgId = setup.orgId;
  call = caller(setup.authorization);
});

async function groupWith(n: number) {
  const group = await createGroupRow(orgId);
  const people = await Promise.all(Array.from({ length: n }, () => createCustomer(orgId)));
  if (n > 0) await call(JOIN, "POST", `/api/v2/userGroup2/join?id=${group.id}`, people.map((p, i) => ({ userId: p.id, primaryMember: i === 0, permissions: i === 0 ? [] : ["allow_points_redemption"] })));
  return { id: group.id, people };
}

describe("POST /v2/userGroup2/transfer", () => {
  it("moves secondaries with their permissions and default mark; history stays in the old group", async () => {
    const from = await groupWith(3);
    const to = await groupWith(1);
    const moving = from.people[1]!.id;
    const res = await transfer({ leaveGroupId: from.id, joinGroupId: to.id, userIds: [moving] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ warnings: [], errors: [], success: true });
    const rows = await groupsDb.memberships({ customerId: moving });
    expect(rows.map((r) => [r.groupId, r.exitedAt === null, r.permissions, r.defaultGroup])).toEqual([
      [from.id, false, ["allow_points_redemption"], true],
      [to.id, true, ["allow_points_redemption"], true],
    ]);
  });

  it("refuses to move a primary (1624), changing nothing", async () => {
    const from = await groupWith(2);
    const to = await groupWith(1);
    const res = await transfer({ leaveGroupId: from.id, joinGroupId: to.id, userIds: [from.people[1]!.id, from.people[0]!.id] });
    expect(res.status).toBe(409);
    expect((res.body as ErrorBody).errors[0]?.message).toBe(`Group transfer not allowed for primary member ${from.people[0]!.id}.`);
    expect(await groupsDb.countMemberships({ groupId: from.id, exitedAt: null })).toBe(2);
    expect(await groupsDb.countMemberships({ groupId: to.id })).toBe(1);
  });

  it("refuses a user outside the leave group (1620), a full join group (1638), the same group (1693), unknown groups (1619)", async () => {
    const from = await groupWith(3);
    const full = await groupWith(3);
    const outsider = await createCustomer(orgId);
    expect(codes((await transfer({ leaveGroupId: from.id, joinGroupId: full.id, userIds: [outsider.id] })).body)).toEqual([1620]);
    expect(codes((await transfer({ leaveGroupId: from.id, joinGroupId: full.id, userIds: [from.people[1]!.id] })).body)).toEqual([1638]);
    expect(codes((await transfer({ leaveGroupId: from.id, joinGroupId: from.id, userIds: [from.people[1]!.id] })).body)).toEqual([1693]);
    expect(codes((await transfer({ leaveGroupId: from.id, joinGroupId: 999_999, userIds: [from.people[1]!.id] })).body)).toEqual([1619]);
  });

  it("refuses a member already in the join group (1623)", async () => {
    const from = await groupWith(2);
    const to = await groupWith(1);
    await call(JOIN, "POST", `/api/v2/userGroup2/join?id=${to.id}`, [{ userId: from.people[1]!.id }]);
    expect(codes((await transfer({ leaveGroupId: from.id, joinGroupId: to.id, userIds: [from.people[1]!.id] })).body)).toEqual([1623]);
  });

  it("refuses a malformed body with 400", async () => {
    const res = await transfer({ leaveGroupId: "a", userIds: [] });
    expect(res.status).toBe(400);
    expect((res.body as ErrorBody).errors.map((e) => e.field).sort()).toEqual(["joinGroupId", "leaveGroupId", "userIds"]);
  });
});
