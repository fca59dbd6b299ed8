import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createOrg } from "@/lib/testing/factories";
import { adjust, debit, earn, reverse } from "./post";
import type { Owner } from "./types";

const prov = { actor: SYSTEM_ACTOR, sourceType: "TEST" };
const day = (n: number) => new Date(Date.UTC(2027, 0, n));

async function fixture() {
  const { org, defaultProgram } = await createOrg();
  const customer = await db.customer.create({ data: { orgId: org.id, firstName: "Ana" } });
  const group = await db.userGroup.create({ data: { orgId: org.id, externalId: "FAM-1", maxGroupSize: 5 } });
  const base = { orgId: org.id, programId: defaultProgram.id, provenance: prov };
  const member: Owner = { type: "CUSTOMER", id: customer.id };
  const wallet: Owner = { type: "USERGROUP", id: group.id };
  return { org, program: defaultProgram, base, member, wallet };
}

async function account(programId: number, owner: Owner) {
  return db.pointsAccount.findFirstOrThrow({ where: { programId, ownerType: owner.type, ownerId: owner.id } });
}

async function lotsOf(accountId: number) {
  return db.pointsLot.findMany({ where: { accountId }, orderBy: { id: "asc" }, select: { id: true, amount: true, remaining: true } });
}

function rejectsWith(promise: Promise<unknown>, code: number) {
  return expect(promise).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === code);
}

describe("earn", () => {
  it("credits the owner from the program's issuance account as one lot, in balance", async () => {
    const f = await fixture();
    const r = await earn(db, { ...f.base, owner: f.member, points: "120.5", expiresAt: day(30) });
    expect(r.balance).toBe("120.5");
    const acc = await account(f.program.id, f.member);
    expect(acc.balance.toString()).toBe("120.5");
    expect(acc.lifetimePoints.toString()).toBe("120.5");
    const postings = await db.posting.findMany({ where: { movementId: r.movementId } });
    expect(postings.map((p) => Number(p.amount)).sort()).toEqual([-120.5, 120.5]);
    expect(await lotsOf(acc.id)).toEqual([expect.objectContaining({ id: r.lotId })]);
    const movement = await db.movement.findUniqueOrThrow({ where: { id: r.movementId } });
    expect(movement).toMatchObject({ kind: "EARN", sourceType: "TEST", actorType: "SYSTEM" });
  });

  it("refuses zero, negative and over-precise amounts, and promotional points for a group", async () => {
    const f = await fixture();
    await rejectsWith(earn(db, { ...f.base, owner: f.member, points: 0 }), 422);
    await rejectsWith(earn(db, { ...f.base, owner: f.member, points: -5 }), 422);
    await rejectsWith(earn(db, { ...f.base, owner: f.member, points: "1.23456" }), 422);
    await rejectsWith(earn(db, { ...f.base, owner: f.wallet, points: 10, lotKind: "PROMOTIONAL" }), 422);
    expect(await db.movement.count({ where: { orgId: f.org.id } })).toBe(0);
  });

  it("refuses a program of another org", async () => {
    const f = await fixture();
    const other = await createOrg();
    await rejectsWith(earn(db, { ...f.base, programId: other.defaultProgram.id, owner: f.member, points: 5 }), 422);
  });
});

describe("debit", () => {
  it("takes first-expiring lots first, ties by earliest award, then lowest id; never-expiring last", async () => {
    const f = await fixture();
    const never = await earn(db, { ...f.base, owner: f.member, points: 10 });
    const late = await earn(db, { ...f.base, owner: f.member, points: 10, expiresAt: day(20) });
    const tieB = await earn(db, { ...f.base, owner: f.member, points: 10, expiresAt: day(10), earnedAt: day(2) });
    const tieA = await earn(db, { ...f.base, owner: f.member, points: 10, expiresAt: day(10), earnedAt: day(1) });
    const tieA2 = await earn(db, { ...f.base, owner: f.member, points: 10, expiresAt: day(10), earnedAt: day(1) });
    const r = await debit(db, { ...f.base, owner: f.member, points: 35, kind: "REDEEM" });
    expect(r.balance).toBe("15");
    const consumed = await db.lotConsumption.findMany({ where: { movementId: r.movementId }, orderBy: { id: "asc" } });
    expect(consumed.map((c) => [c.lotId, Number(c.amount)])).toEqual([
      [tieA.lotId, 10],
      [tieA2.lotId, 10],
      [tieB.lotId, 10],
      [late.lotId, 5],
    ]);
    const remaining = new Map((await lotsOf(r.accountId)).map((l) => [l.id, Number(l.remaining)]));
    expect(remaining.get(never.lotId!)).toBe(10);
  });

  it("prefers the lots of the named movements (a return takes back what its purchase earned)", async () => {
    const f = await fixture();
    await earn(db, { ...f.base, owner: f.member, points: 10, expiresAt: day(1) });
    const purchase = await earn(db, { ...f.base, owner: f.member, points: 10, expiresAt: day(9) });
    const r = await debit(db, { ...f.base, owner: f.member, points: 4, kind: "RETURN", preferLotsOf: [purchase.movementId] });
    const consumed = await db.lotConsumption.findMany({ where: { movementId: r.movementId } });
    expect(consumed.map((c) => c.lotId)).toEqual([purchase.lotId]);
    expect((await account(f.program.id, f.member)).lifetimePoints.toString()).toBe("16");
  });

  it("refuses to overdraw a customer (818) and leaves everything as it was", async () => {
    const f = await fixture();
    await earn(db, { ...f.base, owner: f.member, points: 10 });
    await rejectsWith(debit(db, { ...f.base, owner: f.member, points: 11, kind: "REDEEM" }), 818);
    await rejectsWith(debit(db, { ...f.base, owner: f.member, points: 11, kind: "RETURN" }), 818);
    expect((await account(f.program.id, f.member)).balance.toString()).toBe("10");
    expect(await db.movement.count({ where: { orgId: f.org.id } })).toBe(1);
  });

  it("lets only a return take a group wallet below zero; a later earn repays that first", async () => {
    const f = await fixture();
    await earn(db, { ...f.base, owner: f.wallet, points: 30 });
    await rejectsWith(debit(db, { ...f.base, owner: f.wallet, points: 31, kind: "REDEEM" }), 818);
    const back = await debit(db, { ...f.base, owner: f.wallet, points: 50, kind: "RETURN" });
    expect(back).toMatchObject({ balance: "-20", shortfall: "20" });
    await rejectsWith(debit(db, { ...f.base, owner: f.wallet, points: 1, kind: "REDEEM" }), 818);
    const again = await earn(db, { ...f.base, owner: f.wallet, points: 50 });
    expect(again.balance).toBe("30");
    const lot = await db.pointsLot.findUniqueOrThrow({ where: { id: again.lotId! } });
    expect(Number(lot.remaining)).toBe(30);
  });
});

describe("adjust and reverse", () => {
  it("adjusts up as a new lot and down like a redemption, against the adjustment account", async () => {
    const f = await fixture();
    await adjust(db, { ...f.base, owner: f.member, points: 25 });
    const down = await adjust(db, { ...f.base, owner: f.member, points: -5 });
    expect(down.balance).toBe("20");
    await rejectsWith(adjust(db, { ...f.base, owner: f.member, points: -21 }), 818);
    await rejectsWith(adjust(db, { ...f.base, owner: f.member, points: 0 }), 422);
    expect((await account(f.program.id, f.member)).lifetimePoints.toString()).toBe("0");
  });

  it("reverses an earn and gives a redemption back to the very lots it took, once", async () => {
    const f = await fixture();
    const a = await earn(db, { ...f.base, owner: f.member, points: 40, expiresAt: day(5) });
    const b = await earn(db, { ...f.base, owner: f.member, points: 60, expiresAt: day(9) });
    const redeem = await debit(db, { ...f.base, owner: f.member, points: 70, kind: "REDEEM" });
    const undo = await reverse(db, { orgId: f.org.id, movementId: redeem.movementId, provenance: prov });
    expect((await lotsOf(a.accountId)).map((l) => Number(l.remaining))).toEqual([40, 60]);
    await rejectsWith(reverse(db, { orgId: f.org.id, movementId: redeem.movementId, provenance: prov }), 3802);
    await rejectsWith(reverse(db, { orgId: f.org.id, movementId: undo.movementId, provenance: prov }), 422);

    await reverse(db, { orgId: f.org.id, movementId: b.movementId, provenance: prov });
    const acc = await account(f.program.id, f.member);
    expect(acc.balance.toString()).toBe("40");
    expect(acc.lifetimePoints.toString()).toBe("40");
    expect((await lotsOf(a.accountId)).map((l) => Number(l.remaining))).toEqual([40, 0]);
  });

  it("refuses to reverse an earn whose points are spent, and a movement of another org", async () => {
    const f = await fixture();
    const a = await earn(db, { ...f.base, owner: f.member, points: 40 });
    await debit(db, { ...f.base, owner: f.member, points: 30, kind: "REDEEM" });
    await rejectsWith(reverse(db, { orgId: f.org.id, movementId: a.movementId, provenance: prov }), 818);
    const other = await createOrg();
    await rejectsWith(reverse(db, { orgId: other.org.id, movementId: a.movementId, provenance: prov }), 404);
  });
});
