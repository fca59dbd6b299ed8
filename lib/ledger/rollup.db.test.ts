import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { groupBillTotals } from "@/lib/groups/bill-totals";
import { exportGroupMembers } from "@/lib/groups/member-export";
import { groupProgramDetails, pointsContributed } from "@/lib/groups/wallet";
import { Prisma } from "@/lib/generated/prisma/client";
import { testDb as db } from "@/lib/testing/db";
import { createCustomer, createGroupsOrg } from "@/lib/testing/groups-factories";
import { debit, earn } from "./post";
import { refreshLedgerRollups } from "./rollup";
import { ledgerTrend } from "./trend";

// The roll-ups behind the group page and the programs overview (lib/ledger/rollup.ts): whatever
// has been rolled up, each figure equals the plain recomputation from the postings and bills —
// after a refresh, after new postings and bills arrive without one, after a member leaves, and
// after two refreshes run at once (nothing counted twice).

const provenance = { actor: SYSTEM_ACTOR, sourceType: "TEST" };
let seq = 0;

async function setup() {
  const f = await createGroupsOrg();
  const programId = f.defaultProgram.id;
  const [ana, ben, cy] = [await createCustomer(f.orgId), await createCustomer(f.orgId), await createCustomer(f.orgId)];
  const group = await db.userGroup.create({ data: { orgId: f.orgId, externalId: `RU-${Date.now()}`, groupName: "Roll-up family", maxGroupSize: 5 } });
  const joined = new Date(Date.now() - 3_600_000);
  for (const c of [ana, ben]) await db.groupMembership.create({ data: { orgId: f.orgId, groupId: group.id, customerId: c.id, primaryMember: c === ana, joinedAt: joined } });
  return { orgId: f.orgId, programId, ana, ben, cy, group };
}
type Setup = Awaited<ReturnType<typeof setup>>;

/** A bill of the customer (billed `minutesAgo` ago) that earns `points` for the group; returns take back. */
async function bill(s: Setup, customerId: number, amount: number, points: number, { minutesAgo = 1, type = "REGULAR" as "REGULAR" | "RETURN" } = {}) {
  const t = await db.transaction.create({
    data: { orgId: s.orgId, customerId, type, number: `RU-${++seq}-${Date.now()}`, amount, billedAt: new Date(Date.now() - minutesAgo * 60_000), programIds: [s.programId] },
  });
  await db.$transaction(async (tx) => {
    const owner = { type: "USERGROUP" as const, id: s.group.id };
    const p = { ...provenance, sourceType: "TRANSACTION", transactionId: t.id };
    if (type === "RETURN") await debit(tx, { orgId: s.orgId, programId: s.programId, owner, points, kind: "RETURN", provenance: p });
    else await earn(tx, { orgId: s.orgId, programId: s.programId, owner, points, provenance: p });
  });
  return t;
}

async function spend(s: Setup, kind: "REDEEM" | "EXPIRE", points: number) {
  await db.$transaction((tx) => debit(tx, { orgId: s.orgId, programId: s.programId, owner: { type: "USERGROUP", id: s.group.id }, points, kind, provenance }));
}

/** The figures recomputed from the postings and bills alone, as the pages read them before the roll-ups. */
async function plain(s: Setup) {
  const [wallet] = await db.$queryRaw<{ lifetime: Prisma.Decimal; redeemed: Prisma.Decimal; expired: Prisma.Decimal; returned: Prisma.Decimal }[]>`
    SELECT COALESCE(SUM(p.amount) FILTER (WHERE p.amount > 0 AND m.kind IN ('EARN', 'TRANSFER', 'ADJUST')), 0) AS lifetime,
      COALESCE(-SUM(p.amount) FILTER (WHERE p.amount < 0 AND m.kind = 'REDEEM'), 0) AS redeemed,
      COALESCE(-SUM(p.amount) FILTER (WHERE p.amount < 0 AND m.kind = 'EXPIRE'), 0) AS expired,
      COALESCE(-SUM(p.amount) FILTER (WHERE p.amount < 0 AND m.kind = 'RETURN'), 0) AS returned
    FROM "PointsAccount" a JOIN "Posting" p ON p."accountId" = a.id JOIN "Movement" m ON m.id = p."movementId"
    WHERE a."ownerType" = 'USERGROUP' AND a."ownerId" = ${s.group.id}`;
  const contributed = await db.$queryRaw<{ customerId: number; points: Prisma.Decimal }[]>`
    SELECT t."customerId", SUM(p.amount) AS points
    FROM "Posting" p JOIN "PointsAccount" a ON a.id = p."accountId" JOIN "Movement" m ON m.id = p."movementId" JOIN "Transaction" t ON t.id = m."transactionId"
    WHERE a."ownerType" = 'USERGROUP' AND a."ownerId" = ${s.group.id} GROUP BY 1 ORDER BY 1`;
  const [bills] = await db.$queryRaw<{ total: number; spend: Prisma.Decimal | null }[]>`
    SELECT COUNT(*)::int AS total, SUM(CASE WHEN t.type = 'RETURN' THEN -t.amount ELSE t.amount END) AS spend
    FROM "GroupMembership" gm JOIN "Transaction" t ON t."customerId" = gm."customerId" AND t."billedAt" >= gm."joinedAt" AND (gm."exitedAt" IS NULL OR t."billedAt" < gm."exitedAt")
    WHERE gm."groupId" = ${s.group.id}`;
  const [issued] = await db.$queryRaw<{ issued: Prisma.Decimal | null; members: number }[]>`
    SELECT -SUM(p.amount) FILTER (WHERE a."systemKind" = 'ISSUANCE') AS issued,
      (SELECT COUNT(DISTINCT a2."ownerId")::int FROM "Posting" p2 JOIN "PointsAccount" a2 ON a2.id = p2."accountId" AND a2."ownerType" = 'CUSTOMER' WHERE p2."orgId" = ${s.orgId}) AS members
    FROM "Posting" p JOIN "PointsAccount" a ON a.id = p."accountId" AND a."ownerType" = 'SYSTEM' WHERE a."orgId" = ${s.orgId}`;
  return {
    wallet: { lifetimePoints: Number(wallet!.lifetime), redeemedPoints: Number(wallet!.redeemed), expiredPoints: Number(wallet!.expired), returnedPoints: Number(wallet!.returned) },
    contributed: contributed.map((r) => [r.customerId, Number(r.points)]),
    bills: { total: bills!.total, spend: Number(bills!.spend ?? 0) },
    trend: { issued: Number(issued!.issued ?? 0), activeMembers: issued!.members },
  };
}

/** The same figures through the functions the pages call. */
async function read(s: Setup) {
  const [detail] = await groupProgramDetails(s.orgId, s.group.id);
  const contributed = await pointsContributed(s.orgId, s.group.id, [], { all: true });
  const [today] = (await ledgerTrend({ orgId: s.orgId, grain: "day" })).slice(-1);
  const week = (await ledgerTrend({ orgId: s.orgId, programId: s.programId, grain: "week" })).reduce((sum, b) => sum + b.issued, 0);
  expect(week).toBe(today!.issued);
  return {
    wallet: { lifetimePoints: detail!.lifetimePoints, redeemedPoints: detail!.redeemedPoints, expiredPoints: detail!.expiredPoints, returnedPoints: detail!.returnedPoints },
    contributed: [...contributed.entries()].sort((a, b) => a[0] - b[0]),
    bills: await groupBillTotals(s.orgId, s.group.id),
    trend: { issued: today!.issued, activeMembers: today!.activeMembers },
  };
}

describe("ledger roll-ups", () => {
  it("equal the plain recomputation before and after a refresh, as postings and bills keep arriving", async () => {
    const s = await setup();
    await bill(s, s.ana.id, 1000, 100);
    await bill(s, s.ben.id, 500, 50);
    await bill(s, s.ben.id, 200, 20, { minutesAgo: 120 }); // before Ben joined: not the group's bill
    await spend(s, "REDEEM", 30);
    await db.$transaction((tx) => earn(tx, { orgId: s.orgId, programId: s.programId, owner: { type: "CUSTOMER", id: s.cy.id }, points: 40, provenance }));
    const before = await plain(s);
    expect(before.wallet).toEqual({ lifetimePoints: 170, redeemedPoints: 30, expiredPoints: 0, returnedPoints: 0 });
    expect(before.bills).toEqual({ total: 2, spend: 1500 });
    expect(await read(s)).toEqual(before);

    const rolled = await refreshLedgerRollups({ waitMs: 5000 });
    expect(rolled).toMatchObject({ rolled: true });
    expect(await read(s)).toEqual(await plain(s));

    // New postings and bills after the refresh, a return, an expiry, and a member leaving.
    await bill(s, s.ana.id, 300, 30);
    await bill(s, s.ana.id, 100, 10, { type: "RETURN" });
    await spend(s, "EXPIRE", 5);
    await db.groupMembership.updateMany({ where: { groupId: s.group.id, customerId: s.ben.id }, data: { exitedAt: new Date(Date.now() - 30_000) } });
    await db.groupMembership.create({ data: { orgId: s.orgId, groupId: s.group.id, customerId: s.cy.id, joinedAt: new Date(Date.now() - 60_000) } });
    await bill(s, s.cy.id, 70, 7);
    const after = await plain(s);
    // Ben's bills before he left still count; Cy's from when he joined.
    expect(after.bills).toEqual({ total: 5, spend: 1000 + 500 + 300 - 100 + 70 });
    expect(after.wallet).toEqual({ lifetimePoints: 207, redeemedPoints: 30, expiredPoints: 5, returnedPoints: 10 });
    expect(await read(s)).toEqual(after);

    expect(await refreshLedgerRollups({ waitMs: 5000 })).toMatchObject({ rolled: true });
    expect(await read(s)).toEqual(after);
    // A refresh with nothing new changes nothing.
    expect(await refreshLedgerRollups({ waitMs: 5000 })).toMatchObject({ rolled: true, postings: 0, bills: 0 });
    expect(await read(s)).toEqual(after);
  });

  it("counts nothing twice when two refreshes run at once", async () => {
    const s = await setup();
    await bill(s, s.ana.id, 1000, 100);
    await refreshLedgerRollups({ waitMs: 5000 });
    await bill(s, s.ben.id, 400, 40);
    await spend(s, "REDEEM", 15);
    const results = await Promise.all([refreshLedgerRollups({ waitMs: 5000 }), refreshLedgerRollups({ waitMs: 5000 })]);
    expect(results.every((r) => r.rolled)).toBe(true);
    const expected = await plain(s);
    expect(expected.wallet).toEqual({ lifetimePoints: 140, redeemedPoints: 15, expiredPoints: 0, returnedPoints: 0 });
    expect(expected.bills).toEqual({ total: 2, spend: 1400 });
    expect(await read(s)).toEqual(expected);
    const rows = await db.accountDayTotal.findMany({ where: { orgId: s.orgId, kind: "EARN" } });
    expect(rows.filter((r) => Number(r.credits) > 0).reduce((sum, r) => sum + Number(r.credits), 0)).toBe(140);
  });

  it("exports every member with the points their bills brought, from the roll-up and past it", async () => {
    const s = await setup();
    await bill(s, s.ana.id, 1000, 100);
    await refreshLedgerRollups({ waitMs: 5000 });
    await bill(s, s.ana.id, 100, 10);
    await bill(s, s.ben.id, 100, 25);
    // A membership whose permissions column is NULL (written raw, not through join.ts) exports none.
    await db.$executeRaw`UPDATE "GroupMembership" SET permissions = NULL WHERE "groupId" = ${s.group.id} AND "customerId" = ${s.ben.id}`;
    const rows = await exportGroupMembers({ orgId: s.orgId, groupId: s.group.id, status: "CURRENT", sortBy: "IS_PRIMARY", sortOrder: "DESC" });
    const joined = await db.groupMembership.findFirstOrThrow({ where: { groupId: s.group.id, customerId: s.ana.id }, select: { joinedAt: true } });
    expect(rows.map((r) => [r.userId, r.role, r.pointsContributed, r.mobile, r.email, r.exitedAt])).toEqual([
      [s.ana.id, "PRIMARY", 110, s.ana.mobile, s.ana.email, null],
      [s.ben.id, "SECONDARY", 25, s.ben.mobile, s.ben.email, null],
    ]);
    expect(rows[0]!.joinedAt).toEqual(joined.joinedAt);
    expect(rows[1]!.permissions).toEqual([]);
  });
});
