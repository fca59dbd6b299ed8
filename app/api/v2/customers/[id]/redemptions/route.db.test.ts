import { beforeAll, describe, expect, it } from "vitest";
import { createFamily, createTwoBrands, walletBalance } from "@/lib/testing/engine-factories";
import { createCustomer, setOrgConfig } from "@/lib/testing/groups-factories";
import { createRedemptionOrg, grant, redemptionDb, setRedemptionStrategy } from "@/lib/testing/redemption-factories";
import { callRoute } from "@/lib/testing/route";
import { POST } from "./route";

type Answer = {
  redemptionId: string | null;
  committed: boolean;
  points: number;
  redeemedValue: string;
  entityType: string;
  entityId: number;
  balance: number;
  breakdown: { programId: number; entityType: string; entityId: number; points: number; lots: { lotId: number; points: number; expiresOn: string | null }[] }[];
  crossMemberRedemptionBreakup?: { customerId: number; points: number }[];
  errors?: { code: number; message: string; field?: string }[];
};

function redeem(authorization: string, customerId: number, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return callRoute(POST, `/v2/customers/${customerId}/redemptions`, {
    method: "POST",
    params: { id: String(customerId) },
    headers: { authorization, "content-type": "application/json", ...headers },
    body: JSON.stringify({ redemptionType: "POINTS", transactionNumber: "R-1", ...body }),
  }) as Promise<{ status: number; body: Answer; headers: Headers }>;
}

const codeOf = (r: { body: Answer }) => r.body.errors?.[0]?.code;

describe("POST /v2/customers/{id}/redemptions: the program's redemption strategy", () => {
  let f: Awaited<ReturnType<typeof createRedemptionOrg>>;
  let ana: { id: number };

  beforeAll(async () => {
    f = await createRedemptionOrg();
    ana = await createCustomer(f.orgId);
    await setRedemptionStrategy(f.orgId, f.defaultProgram.id, { minimumPoints: 50, maximumPerTransaction: 500, multiplesOf: 10 }, "0.25");
    await grant(f.orgId, f.defaultProgram.id, { type: "CUSTOMER", id: ana.id }, 300);
  });

  it("redeems from the customer's wallet in the default program, with the worth of the points and the lots", async () => {
    const r = await redeem(f.authorization, ana.id, { points: 100 });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ committed: true, points: 100, redeemedValue: "25", entityType: "USER", entityId: ana.id, balance: 200 });
    expect(r.body.redemptionId).toMatch(/^\d+$/);
    expect(r.body.breakdown).toEqual([{ programId: f.defaultProgram.id, entityType: "USER", entityId: ana.id, points: 100, lots: [expect.objectContaining({ points: 100, expiresOn: null })] }]);
    expect(await walletBalance(f.orgId, "CUSTOMER", ana.id, f.defaultProgram.id)).toBe(200);
    expect(await redemptionDb.verify(f.orgId)).toEqual([]);
  });

  it("commit: false validates and moves nothing", async () => {
    const r = await redeem(f.authorization, ana.id, { points: 50, commit: false });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ committed: false, redemptionId: null, balance: 150 });
    expect(await walletBalance(f.orgId, "CUSTOMER", ana.id, f.defaultProgram.id)).toBe(200);
  });

  it.each([
    [0, 801, 422],
    [-20, 801, 422],
    [55.5, 807, 422],
    [45, 821, 422],
    [510, 819, 422],
    [65, 807, 422],
    [400, 818, 409],
  ])("refuses %s points with %s, moving nothing", async (points, code, status) => {
    const before = await redemptionDb.countRedeemMovements(f.orgId);
    const r = await redeem(f.authorization, ana.id, { points });
    expect([r.status, codeOf(r), r.body.errors?.[0]?.field]).toEqual([status, code, "points"]);
    expect(await redemptionDb.countRedeemMovements(f.orgId)).toBe(before);
  });

  it("says the strategy's minimum when refusing 45 points", async () => {
    const r = await redeem(f.authorization, ana.id, { points: 45 });
    expect(r.body.errors?.[0]?.message).toBe("Less than the minimum redemption limit: redeem at least 50 points (asked for 45).");
  });

  it("refuses by eligibility: lifetime points (805), lifetime purchases (806), current points (804)", async () => {
    const o = await createRedemptionOrg();
    const c = await createCustomer(o.orgId);
    await grant(o.orgId, o.defaultProgram.id, { type: "CUSTOMER", id: c.id }, 100);
    await redemptionDb.enrol(o.orgId, o.defaultProgram.id, c.id, { lifetimePoints: 100, lifetimePurchases: 900 });
    await setRedemptionStrategy(o.orgId, o.defaultProgram.id, { eligibility: { basis: "LIFETIME_POINTS", threshold: 150 } });
    expect(codeOf(await redeem(o.authorization, c.id, { points: 10 }))).toBe(805);
    await setRedemptionStrategy(o.orgId, o.defaultProgram.id, { eligibility: { basis: "LIFETIME_PURCHASES", threshold: 1000 } });
    expect(codeOf(await redeem(o.authorization, c.id, { points: 10 }))).toBe(806);
    await setRedemptionStrategy(o.orgId, o.defaultProgram.id, { eligibility: { basis: "CURRENT_POINTS", threshold: 150 } });
    expect(codeOf(await redeem(o.authorization, c.id, { points: 10 }))).toBe(804);
    await setRedemptionStrategy(o.orgId, o.defaultProgram.id, { eligibility: { basis: "LIFETIME_POINTS", threshold: 100 } });
    expect((await redeem(o.authorization, c.id, { points: 10 })).status).toBe(200);
  });

  it("a program without a redemption strategy refuses with a clear message (888)", async () => {
    const o = await createRedemptionOrg();
    const c = await createCustomer(o.orgId);
    await grant(o.orgId, o.defaultProgram.id, { type: "CUSTOMER", id: c.id }, 100);
    const r = await redeem(o.authorization, c.id, { points: 10 });
    expect([r.status, codeOf(r)]).toEqual([422, 888]);
    expect(r.body.errors?.[0]?.message).toContain("has no redemption strategy, so its points cannot be redeemed: set one on the program's Strategies tab.");
  });

  it("answers 1213 for another org's program, 8015 for an unknown customer, 400 for a bad body", async () => {
    const other = await createRedemptionOrg();
    expect(codeOf(await redeem(f.authorization, ana.id, { points: 50, programId: other.defaultProgram.id }))).toBe(1213);
    const unknown = await redeem(f.authorization, 999_999_999, { points: 50 });
    expect([unknown.status, codeOf(unknown)]).toEqual([404, 8015]);
    const bad = await redeem(f.authorization, ana.id, { points: "lots", redemptionType: "REWARD" });
    expect(bad.status).toBe(400);
  });

  it("replays an Idempotency-Key: the second call moves nothing and answers the same", async () => {
    const first = await redeem(f.authorization, ana.id, { points: 50, transactionNumber: "IDEM-1" }, { "idempotency-key": "redeem-idem-1" });
    const again = await redeem(f.authorization, ana.id, { points: 50, transactionNumber: "IDEM-1" }, { "idempotency-key": "redeem-idem-1" });
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    const other = await redeem(f.authorization, ana.id, { points: 60, transactionNumber: "IDEM-1" }, { "idempotency-key": "redeem-idem-1" });
    expect(other.status).toBe(409);
    expect(await walletBalance(f.orgId, "CUSTOMER", ana.id, f.defaultProgram.id)).toBe(150);
  });
});

describe("POST /v2/customers/{id}/redemptions: group wallets (seeds 000 and 001)", () => {
  it("friends and family: a secondary with allow_points_redemption redeems from the shared pool", async () => {
    const f = await createRedemptionOrg();
    await setRedemptionStrategy(f.orgId, f.defaultProgram.id);
    const { group, members } = await createFamily(f.orgId, 3);
    const [, friend, plain] = members;
    await redemptionDb.setPermissions(group.id, friend!.id, ["allow_points_redemption"]);
    await grant(f.orgId, f.defaultProgram.id, { type: "USERGROUP", id: group.id }, 500);

    const r = await redeem(f.authorization, friend!.id, { points: 120, userGroup2Id: group.id });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ entityType: "USERGROUP2", entityId: group.id, balance: 380 });
    expect(await walletBalance(f.orgId, "USERGROUP", group.id, f.defaultProgram.id)).toBe(380);

    // A secondary without the permission is refused with 828, nothing moves.
    const refused = await redeem(f.authorization, plain!.id, { points: 10, useDefaultUserGroup2: true });
    expect([refused.status, codeOf(refused)]).toEqual([403, 828]);
    expect(await walletBalance(f.orgId, "USERGROUP", group.id, f.defaultProgram.id)).toBe(380);
    expect(await redemptionDb.verify(f.orgId)).toEqual([]);
  });

  it("fleet: a driver with block_points_redemption is refused while the owner redeems", async () => {
    const f = await createRedemptionOrg();
    await setRedemptionStrategy(f.orgId, f.defaultProgram.id);
    const { group, members } = await createFamily(f.orgId, 2, "FLEET-ACME");
    const [owner, driver] = members;
    // Even an allow does not beat the block (seed 000's driver role).
    await redemptionDb.setPermissions(group.id, driver!.id, ["allow_points_redemption", "block_points_redemption"]);
    await grant(f.orgId, f.defaultProgram.id, { type: "USERGROUP", id: group.id }, 1000);

    const blocked = await redeem(f.authorization, driver!.id, { points: 100, userGroup2Id: group.id });
    expect([blocked.status, codeOf(blocked)]).toEqual([403, 828]);
    expect(blocked.body.errors?.[0]?.message).toContain(`Customer ${driver!.id} may not redeem the points of group ${group.id}`);
    expect(await walletBalance(f.orgId, "USERGROUP", group.id, f.defaultProgram.id)).toBe(1000);

    const byOwner = await redeem(f.authorization, owner!.id, { points: 100, userGroup2Id: group.id });
    expect(byOwner.status).toBe(200);
    expect(await walletBalance(f.orgId, "USERGROUP", group.id, f.defaultProgram.id)).toBe(900);
  });

  it("answers 1619 for an unknown group, 1620 for a non-member, 1647 without a default group", async () => {
    const f = await createRedemptionOrg();
    await setRedemptionStrategy(f.orgId, f.defaultProgram.id);
    const { group } = await createFamily(f.orgId, 1);
    const outsider = await createCustomer(f.orgId);
    expect(codeOf(await redeem(f.authorization, outsider.id, { points: 1, userGroup2Id: 2_000_000_000 }))).toBe(1619);
    expect(codeOf(await redeem(f.authorization, outsider.id, { points: 1, userGroup2Id: group.id }))).toBe(1620);
    expect(codeOf(await redeem(f.authorization, outsider.id, { points: 1, useDefaultUserGroup2: true }))).toBe(1647);
  });

  it("in a multi-program org, group redemption needs ENABLE_GROUP_PROGRAMS_REDEMPTION (827)", async () => {
    const f = await createRedemptionOrg();
    await createTwoBrands(f.orgId);
    await setRedemptionStrategy(f.orgId, f.defaultProgram.id);
    const { group, members } = await createFamily(f.orgId, 1);
    await grant(f.orgId, f.defaultProgram.id, { type: "USERGROUP", id: group.id }, 100);
    const refused = await redeem(f.authorization, members[0]!.id, { points: 10, userGroup2Id: group.id });
    expect([refused.status, codeOf(refused)]).toEqual([403, 827]);
    await setOrgConfig(f.orgId, "ENABLE_GROUP_PROGRAMS_REDEMPTION", true);
    expect((await redeem(f.authorization, members[0]!.id, { points: 10, userGroup2Id: group.id })).status).toBe(200);
  });

  it("refuses group redemption when user groups are off (1690)", async () => {
    const f = await createRedemptionOrg({ CONF_USER_GROUP_ENABLED: false });
    await setRedemptionStrategy(f.orgId, f.defaultProgram.id);
    const c = await createCustomer(f.orgId);
    expect(codeOf(await redeem(f.authorization, c.id, { points: 1, useDefaultUserGroup2: true }))).toBe(1690);
  });

  it("ENABLE_CROSS_MEMBER_REDEMPTION draws first-expiring across the active members, ties by earlier award then lower id", async () => {
    const f = await createRedemptionOrg({ ENABLE_CROSS_MEMBER_REDEMPTION: true });
    await setRedemptionStrategy(f.orgId, f.defaultProgram.id);
    const { members } = await createFamily(f.orgId, 3);
    const [a, b, c] = [members[0]!, members[1]!, members[2]!];
    const p = f.defaultProgram.id;
    const day = (d: string) => new Date(`${d}T00:00:00Z`);
    await grant(f.orgId, p, { type: "CUSTOMER", id: c.id }, 30, { expiresAt: day("2027-01-01"), earnedAt: day("2026-01-01") });
    await grant(f.orgId, p, { type: "CUSTOMER", id: b.id }, 40, { expiresAt: day("2027-06-01"), earnedAt: day("2026-02-01") });
    await grant(f.orgId, p, { type: "CUSTOMER", id: a.id }, 40, { expiresAt: day("2027-06-01"), earnedAt: day("2026-02-01") });
    await grant(f.orgId, p, { type: "CUSTOMER", id: a.id }, 100, { expiresAt: null });

    const r = await redeem(f.authorization, b.id, { points: 80 });
    expect(r.status).toBe(200);
    // c's lot expires first (30); then a and b tie on expiry and award date, so a (lower id) gives 40, b the last 10.
    expect(r.body.crossMemberRedemptionBreakup).toEqual([{ customerId: a.id, points: 40 }, { customerId: b.id, points: 10 }, { customerId: c.id, points: 30 }].sort((x, y) => x.customerId - y.customerId));
    expect(r.body.balance).toBe(130);
    expect(await walletBalance(f.orgId, "CUSTOMER", c.id, p)).toBe(0);
    expect(await redemptionDb.verify(f.orgId)).toEqual([]);
  });
});

describe("POST /v2/customers/{id}/redemptions: which program", () => {
  it("without a programId, redeems in the program of the API client's till, else the default program", async () => {
    const f = await createRedemptionOrg();
    const [trends] = await createTwoBrands(f.orgId);
    await redemptionDb.allowPoints(f.orgId, trends.authorization);
    await setRedemptionStrategy(f.orgId, trends.program.id);
    await setRedemptionStrategy(f.orgId, f.defaultProgram.id);
    const ana = await createCustomer(f.orgId);
    await grant(f.orgId, trends.program.id, { type: "CUSTOMER", id: ana.id }, 100);
    await grant(f.orgId, f.defaultProgram.id, { type: "CUSTOMER", id: ana.id }, 100);

    const atTill = await redeem(trends.authorization, ana.id, { points: 30 });
    expect([atTill.status, atTill.body.breakdown[0]?.programId]).toEqual([200, trends.program.id]);
    const noTill = await redeem(f.authorization, ana.id, { points: 20 });
    expect([noTill.status, noTill.body.breakdown[0]?.programId]).toEqual([200, f.defaultProgram.id]);
    expect(await walletBalance(f.orgId, "CUSTOMER", ana.id, trends.program.id)).toBe(70);
    expect(await walletBalance(f.orgId, "CUSTOMER", ana.id, f.defaultProgram.id)).toBe(80);
  });
});
