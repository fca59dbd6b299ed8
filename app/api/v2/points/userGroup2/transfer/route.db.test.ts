import { beforeAll, describe, expect, it } from "vitest";
import { caller, codes } from "@/app/api/v2/userGroup2/api-test-helpers";
import { createCustomer } from "@/lib/testing/groups-factories";
import { callRoute } from "@/lib/testing/route";
import { award, balanceOf, createGroupWithMembers, createTransfersOrg, transfersDb } from "@/lib/testing/transfers-factories";
import { POST as CHECK } from "../isTransferrable/route";
import { POST } from "./route";

// The group transfer API (SPEC §2.1, SPEC-vendor-api §D.5) end to end: every direction, who may
// ask, each refusal code, promotional points left behind, idempotent retries, and the ledger's
// invariants after it all.

let orgId: number;
let programId: number;
let authorization: string;
let call: ReturnType<typeof caller>;

beforeAll(async () => {
  const setup = await createTransfersOrg();
  orgId = setup.orgId;
  programId = setup.defaultProgram.id;
  authorization = setup.authorization;
  call = caller(authorization);
});

const transfer = (body: unknown) => call(POST, "POST", "/api/v2/points/userGroup2/transfer", body);
const keyed = (key: string, body: unknown) =>
  callRoute(POST, "/api/v2/points/userGroup2/transfer", { method: "POST", headers: { authorization, "content-type": "application/json", "idempotency-key": key }, body: JSON.stringify(body) });

const customerEntity = (id: number) => ({ type: "CUSTOMER", identifierType: "id", identifierValue: String(id) });
const groupEntity = (id: number) => ({ type: "USERGROUP2", identifierType: "id", identifierValue: String(id), source: "INSTORE" });
const by = (id: number) => ({ identifierType: "id", identifierValue: String(id), source: "INSTORE" });
const cust = (id: number) => ({ type: "CUSTOMER" as const, id });
const grp = (id: number) => ({ type: "USERGROUP" as const, id });

type Item = Record<string, unknown> & { pointsTransferBreakupByEarningPrograms: { programId: number; deductedPoints: number; programCurrentPoints: number }[] };
const item = (body: unknown) => (body as { data: Item[] }).data[0]!;

describe("POST /v2/points/userGroup2/transfer", () => {
  it("takes seed 001's individual → group body verbatim (with the org's program id)", async () => {
    const member = await transfersDb.customerWithId(orgId, 565345942);
    const { group } = await createGroupWithMembers(orgId, [[]], { id: 3847940 });
    await award(orgId, programId, cust(member.id), 150);
    const res = await call(POST, "POST", "/api/v2/points/userGroup2/transfer", {
      pointsTobeTransferred: 100,
      programId,
      notes: "Transferring points to group wallet",
      transferredBy: { identifierType: "id", identifierValue: "565345942", source: "INSTORE" },
      toEntity: { type: "USERGROUP2", identifierType: "id", identifierValue: "3847940", source: "INSTORE" },
      fromEntity: { type: "CUSTOMER", identifierType: "id", identifierValue: "565345942" },
    });
    expect(res.status).toBe(200);
    expect(item(res.body)).toMatchObject({
      fromEntityId: 565345942, fromEntityType: "CUSTOMER", toEntityId: 3847940, toEntityType: "USERGROUP2",
      pointsTransferred: 100, transferType: "DEDUCTION", notes: "Transferring points to group wallet",
      transferredFrom: { userId: 565345942 }, transferredToUserGroup2: { id: 3847940, groupStatus: "ACTIVE" },
      pointsTransferBreakupByEarningPrograms: [{ programId, deductedPoints: 100, programCurrentPoints: 50 }],
    });
    expect(item(res.body).pointsTransferDate).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(await balanceOf(orgId, cust(member.id), programId)).toBe(50);
    expect(await balanceOf(orgId, grp(group.id), programId)).toBe(100);
  });

  it("group → individual: the primary sends the group's points to a member", async () => {
    const { group, members } = await createGroupWithMembers(orgId, [[], ["allow_points_redemption"]]);
    await award(orgId, programId, grp(group.id), 80);
    const res = await transfer({ pointsTobeTransferred: 30, transferredBy: by(members[0]!.id), fromEntity: groupEntity(group.id), toEntity: customerEntity(members[1]!.id) });
    expect(res.status).toBe(200);
    expect(item(res.body)).toMatchObject({
      fromEntityType: "USERGROUP2", toEntityType: "CUSTOMER", pointsTransferred: 30,
      transferredTo: { userId: members[1]!.id, firstName: "Member 2" },
      transferredFromUserGroup2: { id: group.id, fleetGroupUsers: [{ userId: members[0]!.id, primaryMember: true }, { userId: members[1]!.id, primaryMember: false }] },
    });
    expect(await balanceOf(orgId, grp(group.id), programId)).toBe(50);
    expect(await balanceOf(orgId, cust(members[1]!.id), programId)).toBe(30);
  });

  it("group → group: a secondary with allow_points_transfer sends to another group, by externalId", async () => {
    const a = await createGroupWithMembers(orgId, [[], ["allow_points_transfer"]]);
    const b = await createGroupWithMembers(orgId, [[]]);
    await award(orgId, programId, grp(a.group.id), 40);
    const res = await transfer({
      pointsTobeTransferred: 40, transferredBy: by(a.members[1]!.id), fromEntity: groupEntity(a.group.id),
      toEntity: { type: "USERGROUP2", identifierType: "externalId", identifierValue: b.group.externalId },
    });
    expect(res.status).toBe(200);
    expect(await balanceOf(orgId, grp(a.group.id), programId)).toBe(0);
    expect(await balanceOf(orgId, grp(b.group.id), programId)).toBe(40);
  });

  it("keeps promotional points with the sender and says how many stayed", async () => {
    const member = await createCustomer(orgId);
    const { group } = await createGroupWithMembers(orgId, [[]]);
    await award(orgId, programId, cust(member.id), 50);
    await award(orgId, programId, cust(member.id), 30, { promotional: true });
    const tooMuch = await transfer({ pointsTobeTransferred: 60, fromEntity: customerEntity(member.id), toEntity: groupEntity(group.id) });
    expect([tooMuch.status, codes(tooMuch.body)]).toEqual([409, [818]]);
    const res = await transfer({ pointsTobeTransferred: 50, fromEntity: customerEntity(member.id), toEntity: groupEntity(group.id) });
    expect(res.status).toBe(200);
    expect(item(res.body).promotionalPointsLeftBehind).toBe(30);
    expect((res.body as { warnings: { message: string }[] }).warnings[0]!.message).toMatch(/30 promotional points stayed/);
    expect(await balanceOf(orgId, cust(member.id), programId)).toBe(30);
    expect((await transfersDb.lots(orgId, grp(group.id))).map((l) => l.kind)).toEqual(["REGULAR"]);
  });

  it("moves lots with their expiry, first-expiring first", async () => {
    const member = await createCustomer(orgId);
    const { group } = await createGroupWithMembers(orgId, [[]]);
    await award(orgId, programId, cust(member.id), 10, { expiresAt: new Date("2027-06-01T00:00:00Z") });
    await award(orgId, programId, cust(member.id), 10, { expiresAt: new Date("2027-03-01T00:00:00Z") });
    await award(orgId, programId, cust(member.id), 10, { expiresAt: null });
    expect((await transfer({ pointsTobeTransferred: 15, fromEntity: customerEntity(member.id), toEntity: groupEntity(group.id) })).status).toBe(200);
    const lots = await transfersDb.lots(orgId, grp(group.id));
    expect(lots.map((l) => [Number(l.amount), l.expiresAt?.toISOString().slice(0, 10)])).toEqual([[10, "2027-03-01"], [5, "2027-06-01"]]);
  });

  it("refuses a transfer on another member's behalf with 434, and moves nothing", async () => {
    const [a, b] = [await createCustomer(orgId), await createCustomer(orgId)];
    const { group } = await createGroupWithMembers(orgId, [[]]);
    await award(orgId, programId, cust(a.id), 20);
    const res = await transfer({ pointsTobeTransferred: 10, transferredBy: by(b.id), fromEntity: customerEntity(a.id), toEntity: groupEntity(group.id) });
    expect([res.status, codes(res.body)]).toEqual([422, [434]]);
    expect((res.body as { errors: { message: string }[] }).errors[0]!.message).toMatch(/^Invalid transferredBy.identifierValue set in the request payload/);
    expect(await balanceOf(orgId, cust(a.id), programId)).toBe(20);
  });

  it("refuses a group's points to a non-member (1651) and to a member without transfer permission (817)", async () => {
    const { group, members } = await createGroupWithMembers(orgId, [[], ["block_points_redemption", "block_points_transfer"], ["allow_points_redemption"]]);
    const outsider = await createCustomer(orgId);
    await award(orgId, programId, grp(group.id), 20);
    const send = (who: number) => transfer({ pointsTobeTransferred: 5, transferredBy: by(who), fromEntity: groupEntity(group.id), toEntity: customerEntity(who) });
    const stranger = await send(outsider.id);
    expect([stranger.status, codes(stranger.body)]).toEqual([403, [1651]]);
    const driver = await send(members[1]!.id);
    expect([driver.status, codes(driver.body)]).toEqual([403, [817]]);
    const noAllow = await send(members[2]!.id);
    expect([noAllow.status, codes(noAllow.body)]).toEqual([403, [817]]);
    const missing = await transfer({ pointsTobeTransferred: 5, fromEntity: groupEntity(group.id), toEntity: customerEntity(members[0]!.id) });
    expect([missing.status, codes(missing.body)]).toEqual([422, [434]]);
    expect(await balanceOf(orgId, grp(group.id), programId)).toBe(20);
  });

  it("answers each input problem with the vendor's code", async () => {
    const member = await createCustomer(orgId);
    const { group } = await createGroupWithMembers(orgId, [[]]);
    const ok = { pointsTobeTransferred: 1, fromEntity: customerEntity(member.id), toEntity: groupEntity(group.id) };
    const cases: [unknown, number, number][] = [
      [{ ...ok, pointsTobeTransferred: undefined }, 400, 422],
      [{ ...ok, pointsTobeTransferred: 0 }, 400, 422],
      [{ ...ok, pointsTobeTransferred: 10.5 }, 400, 807],
      [{ ...ok, programId: "abc" }, 400, 885],
      [{ ...ok, programId: 2_000_000_000 }, 422, 885],
      [{ ...ok, fromEntity: undefined }, 400, 1206],
      [{ ...ok, toEntity: undefined }, 400, 1207],
      [{ ...ok, toEntity: { ...groupEntity(group.id), type: "FLEET" } }, 400, 1208],
      [{ ...ok, fromEntity: { ...customerEntity(member.id), identifierType: "passport" } }, 400, 434],
      [{ ...ok, toEntity: { ...customerEntity(member.id), identifierType: "passport" } }, 400, 1207],
      [{ ...ok, fromEntity: customerEntity(999_999_999) }, 404, 1206],
      [{ ...ok, toEntity: customerEntity(999_999_999) }, 404, 1207],
      [{ ...ok, toEntity: groupEntity(999_999_999) }, 404, 1645],
      [{ ...ok, toEntity: customerEntity(member.id) }, 422, 418],
      [{ ...ok, pointsTobeTransferred: 5 }, 409, 818],
    ];
    for (const [body, status, code] of cases) {
      const res = await transfer(body);
      expect([JSON.stringify(body), res.status, codes(res.body)[0]]).toEqual([JSON.stringify(body), status, code]);
    }
    expect(await transfersDb.verify(orgId)).toEqual([]);
  });

  it("refuses a transfer in a program whose strategy does not allow transfers (817)", async () => {
    const member = await createCustomer(orgId);
    const { group } = await createGroupWithMembers(orgId, [[]]);
    const closed = await transfersDb.program(orgId, `Closed ${member.id}`);
    await transfersDb.allowTransfers(closed.id, false);
    await award(orgId, closed.id, cust(member.id), 10);
    const res = await transfer({ pointsTobeTransferred: 5, programId: closed.id, fromEntity: customerEntity(member.id), toEntity: groupEntity(group.id) });
    expect([res.status, codes(res.body)]).toEqual([422, [817]]);
    expect(await balanceOf(orgId, cust(member.id), closed.id)).toBe(10);
  });

  it("replays a retried request with the same Idempotency-Key and moves nothing twice", async () => {
    const member = await createCustomer(orgId);
    const { group } = await createGroupWithMembers(orgId, [[]]);
    await award(orgId, programId, cust(member.id), 30);
    const body = { pointsTobeTransferred: 10, fromEntity: customerEntity(member.id), toEntity: groupEntity(group.id) };
    const first = await keyed("k-transfer-1", body);
    const again = await keyed("k-transfer-1", body);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(item(again.body).transferId).toBe(item(first.body).transferId);
    const other = await keyed("k-transfer-1", { ...body, pointsTobeTransferred: 5 });
    expect(other.status).toBe(409);
    expect(await balanceOf(orgId, cust(member.id), programId)).toBe(20);
  });
});

describe("POST /v2/points/userGroup2/isTransferrable", () => {
  it("says whether the transfer would go through, and moves nothing", async () => {
    const member = await createCustomer(orgId);
    const { group } = await createGroupWithMembers(orgId, [[]]);
    await award(orgId, programId, cust(member.id), 20);
    const check = (points: number) => call(CHECK, "POST", "/api/v2/points/userGroup2/isTransferrable", { pointsTobeTransferred: points, fromEntity: customerEntity(member.id), toEntity: groupEntity(group.id) });
    const yes = await check(20);
    expect([yes.status, yes.body]).toEqual([200, { data: [{ pointsTobeTransferred: 20, transferrable: true }], warnings: [], errors: [] }]);
    const no = await check(21);
    expect(no.status).toBe(200);
    expect(no.body).toMatchObject({ data: [{ pointsTobeTransferred: 21, transferrable: false }], errors: [{ code: 818 }] });
    const bad = await check(2.5);
    expect([bad.status, codes(bad.body)]).toEqual([400, [807]]);
    expect(await balanceOf(orgId, cust(member.id), programId)).toBe(20);
  });
});
