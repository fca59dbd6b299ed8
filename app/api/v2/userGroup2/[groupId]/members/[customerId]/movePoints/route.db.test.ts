import { beforeAll, describe, expect, it } from "vitest";
import { caller, codes } from "@/app/api/v2/userGroup2/api-test-helpers";
import { createCustomer } from "@/lib/testing/groups-factories";
import { callRoute } from "@/lib/testing/route";
import { award, balanceOf, createGroupWithMembers, createTransfersOrg, transfersDb } from "@/lib/testing/transfers-factories";
import { POST } from "./route";

// A member's own points to the group on request (seed 000's "custom job"): joining moves nothing;
// this call moves every regular point once, promotional ones stay, and repeating it moves nothing.

let orgId: number;
let programId: number;
let authorization: string;
let call: ReturnType<typeof caller>;

beforeAll(async () => {
  const setup = await createTransfersOrg();
  ({ orgId, authorization } = setup);
  programId = setup.defaultProgram.id;
  call = caller(authorization);
});

const move = (groupId: number, customerId: number, body: unknown = {}) =>
  call(POST, "POST", `/api/v2/userGroup2/${groupId}/members/${customerId}/movePoints`, body, { groupId: String(groupId), customerId: String(customerId) });

describe("POST /v2/userGroup2/{groupId}/members/{customerId}/movePoints", () => {
  it("moves a member's regular points to the group once; promotional points stay", async () => {
    const { group, members } = await createGroupWithMembers(orgId, [[], ["allow_points_redemption"]]);
    const m = { type: "CUSTOMER" as const, id: members[1]!.id };
    await award(orgId, programId, m, 70);
    await award(orgId, programId, m, 20, { promotional: true });
    expect(await balanceOf(orgId, { type: "USERGROUP", id: group.id }, programId)).toBe(0); // joining moved nothing
    const res = await move(group.id, m.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ pointsMoved: 70, promotionalPointsLeftBehind: 20, data: [{ fromEntityId: m.id, toEntityId: group.id, pointsTransferred: 70 }] });
    expect(await balanceOf(orgId, m, programId)).toBe(20);
    expect(await balanceOf(orgId, { type: "USERGROUP", id: group.id }, programId)).toBe(70);
    const again = await move(group.id, m.id);
    expect(again.body).toMatchObject({ pointsMoved: 0, data: [], warnings: [{ code: 1210 }] });
    expect(await transfersDb.countMovements(orgId)).toBe(1);
  });

  it("replays a keyed retry, and refuses a non-member, an unknown group or program", async () => {
    const { group, members } = await createGroupWithMembers(orgId, [[]]);
    await award(orgId, programId, { type: "CUSTOMER", id: members[0]!.id }, 10);
    const keyed = () =>
      callRoute(POST, `/api/v2/userGroup2/${group.id}/members/${members[0]!.id}/movePoints`, {
        method: "POST", headers: { authorization, "content-type": "application/json", "idempotency-key": `move-${group.id}` }, body: "{}",
        params: { groupId: String(group.id), customerId: String(members[0]!.id) },
      });
    const [first, second] = [await keyed(), await keyed()];
    expect([first.status, second.status, second.headers.get("Idempotent-Replayed")]).toEqual([200, 200, "true"]);
    expect((second.body as { pointsMoved: number }).pointsMoved).toBe(10);
    const outsider = await createCustomer(orgId);
    expect(codes((await move(group.id, outsider.id)).body)).toEqual([1620]);
    expect(codes((await move(999_999_999, outsider.id)).body)).toEqual([1619]);
    expect(codes((await move(group.id, members[0]!.id, { programId: 2_000_000_000 })).body)).toEqual([885]);
    expect((await move(group.id, members[0]!.id, { programId: "x" })).status).toBe(400);
    expect(await transfersDb.verify(orgId)).toEqual([]);
  });
});
