import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { earn, debit } from "@/lib/ledger/post";
import type { Owner } from "@/lib/ledger/types";
import { verifyLedger } from "@/lib/ledger/verify";
import { createOrg } from "@/lib/testing/factories";
import { sweepExpiredPoints } from "./sweep";

// The sweep on the real ledger. The races are meaningful on PostgreSQL (CI runs the db project
// there too); on the embedded database transactions run one at a time and the same assertions hold.
const prov = { actor: SYSTEM_ACTOR, sourceType: "TEST" };
const day = (d: number) => new Date(Date.UTC(2027, 0, d));
const AS_OF = day(10);

async function wallet(orgId: number, programId: number, owner: Owner, lots: { points: number; expiresOn: number | null }[]) {
  for (const l of lots) {
    await earn(db, { orgId, programId, owner, points: l.points, earnedAt: day(1), expiresAt: l.expiresOn === null ? null : day(l.expiresOn), provenance: prov });
  }
}

const balance = async (orgId: number, owner: Owner) =>
  Number((await db.pointsAccount.findFirstOrThrow({ where: { orgId, ownerType: owner.type, ownerId: owner.id } })).balance);

/** Per lot, the points EXPIRE movements took from it: never more than one take per lot. */
async function expiredTakes(orgId: number) {
  return db.lotConsumption.findMany({ where: { orgId, movement: { kind: "EXPIRE" } }, select: { lotId: true, amount: true } });
}

describe("the expiry sweep", () => {
  it("takes what is left of each due lot, in one EXPIRE movement per account, and nothing else", async () => {
    const { org, defaultProgram } = await createOrg();
    const alice: Owner = { type: "CUSTOMER", id: 1 };
    const group: Owner = { type: "USERGROUP", id: 2 };
    await wallet(org.id, defaultProgram.id, alice, [{ points: 100, expiresOn: 5 }, { points: 50, expiresOn: 10 }, { points: 30, expiresOn: 11 }, { points: 20, expiresOn: null }]);
    await wallet(org.id, defaultProgram.id, group, [{ points: 40, expiresOn: 9 }]);
    // A redemption drew 60 from the first-expiring lot: only its other 40 are left to expire.
    await db.$transaction((tx) => debit(tx, { orgId: org.id, programId: defaultProgram.id, owner: alice, points: 60, kind: "REDEEM", provenance: prov }));

    const r = await sweepExpiredPoints({ asOf: AS_OF, orgId: org.id });

    expect(r).toMatchObject({ accounts: 2, lots: 3, points: 130 });
    expect(await balance(org.id, alice)).toBe(50);
    expect(await balance(org.id, group)).toBe(0);
    const movements = await db.movement.findMany({ where: { orgId: org.id, kind: "EXPIRE" }, select: { id: true, sourceType: true, actorType: true } });
    expect(movements).toHaveLength(2);
    expect(movements.every((m) => m.sourceType === "EXPIRY" && m.actorType === "SYSTEM")).toBe(true);
    const open = await db.pointsLot.findMany({ where: { orgId: org.id, remaining: { gt: 0 } }, select: { remaining: true, expiresAt: true }, orderBy: { id: "asc" } });
    expect(open.map((l) => [Number(l.remaining), l.expiresAt?.toISOString().slice(0, 10) ?? null])).toEqual([[30, "2027-01-11"], [20, null]]);
    expect(await verifyLedger(db, org.id)).toEqual([]);
  });

  it("run again, expires nothing more; lots falling due later go in a later run", async () => {
    const { org, defaultProgram } = await createOrg();
    const owner: Owner = { type: "CUSTOMER", id: 1 };
    await wallet(org.id, defaultProgram.id, owner, [{ points: 10, expiresOn: 5 }, { points: 7, expiresOn: 12 }]);
    await sweepExpiredPoints({ asOf: AS_OF, orgId: org.id });
    expect(await sweepExpiredPoints({ asOf: AS_OF, orgId: org.id })).toMatchObject({ accounts: 0, points: 0 });
    expect(await sweepExpiredPoints({ asOf: day(12), orgId: org.id })).toMatchObject({ accounts: 1, points: 7 });
    expect(await balance(org.id, owner)).toBe(0);
    expect(await db.movement.count({ where: { orgId: org.id, kind: "EXPIRE" } })).toBe(2);
  });

  it("keeps to its org when given one", async () => {
    const a = await createOrg();
    const b = await createOrg();
    const owner: Owner = { type: "CUSTOMER", id: 1 };
    await wallet(a.org.id, a.defaultProgram.id, owner, [{ points: 10, expiresOn: 5 }]);
    await wallet(b.org.id, b.defaultProgram.id, owner, [{ points: 10, expiresOn: 5 }]);
    await sweepExpiredPoints({ asOf: AS_OF, orgId: a.org.id });
    expect(await balance(a.org.id, owner)).toBe(0);
    expect(await balance(b.org.id, owner)).toBe(10);
  });

  it("leaves a group wallet that a return took below zero alone (its lots hold nothing)", async () => {
    const { org, defaultProgram } = await createOrg();
    const group: Owner = { type: "USERGROUP", id: 9 };
    await wallet(org.id, defaultProgram.id, group, [{ points: 10, expiresOn: 5 }]);
    await db.$transaction((tx) => debit(tx, { orgId: org.id, programId: defaultProgram.id, owner: group, points: 25, kind: "RETURN", provenance: prov }));
    expect(await sweepExpiredPoints({ asOf: AS_OF, orgId: org.id })).toMatchObject({ accounts: 0 });
    expect(await balance(org.id, group)).toBe(-15);
    expect(await verifyLedger(db, org.id)).toEqual([]);
  });

  it("four sweeps at once expire each lot once", async () => {
    const { org, defaultProgram } = await createOrg();
    const owners = Array.from({ length: 24 }, (_, i): Owner => ({ type: i % 4 === 0 ? "USERGROUP" : "CUSTOMER", id: 100 + i }));
    for (const o of owners) await wallet(org.id, defaultProgram.id, o, [{ points: 5, expiresOn: 3 }, { points: 3, expiresOn: 8 }, { points: 2, expiresOn: 20 }]);

    const runs = await Promise.all([1, 2, 3, 4].map((n) => sweepExpiredPoints({ asOf: AS_OF, orgId: org.id, batchSize: 3, runRef: `run ${n}` })));

    expect(runs.reduce((s, r) => s + r.accounts, 0)).toBe(24);
    expect(runs.reduce((s, r) => s + r.points, 0)).toBe(24 * 8);
    const takes = await expiredTakes(org.id);
    expect(takes).toHaveLength(48);
    expect(new Set(takes.map((t) => t.lotId)).size).toBe(48);
    expect(await db.movement.count({ where: { orgId: org.id, kind: "EXPIRE" } })).toBe(24);
    for (const o of owners) expect(await balance(org.id, o)).toBe(2);
    expect(await verifyLedger(db, org.id)).toEqual([]);
  });

  it("killed mid-way and run again, expires nothing twice", async () => {
    const { org, defaultProgram } = await createOrg();
    const owners = Array.from({ length: 7 }, (_, i): Owner => ({ type: "CUSTOMER", id: 200 + i }));
    for (const o of owners) await wallet(org.id, defaultProgram.id, o, [{ points: 4, expiresOn: 2 }, { points: 6, expiresOn: 9 }]);

    // Dies in its second batch, after that batch has posted one movement: the first batch stays
    // committed, the second rolls back whole.
    let posted = 0;
    const crash = sweepExpiredPoints({
      asOf: AS_OF,
      orgId: org.id,
      batchSize: 3,
      afterAccount: () => {
        posted += 1;
        if (posted === 4) throw new Error("worker killed");
      },
    });
    await expect(crash).rejects.toThrow("worker killed");
    expect(await db.movement.count({ where: { orgId: org.id, kind: "EXPIRE" } })).toBe(3);

    const rerun = await sweepExpiredPoints({ asOf: AS_OF, orgId: org.id, batchSize: 3 });
    expect(rerun).toMatchObject({ accounts: 4, points: 40 });
    const takes = await expiredTakes(org.id);
    expect(takes).toHaveLength(14);
    expect(new Set(takes.map((t) => t.lotId)).size).toBe(14);
    for (const o of owners) expect(await balance(org.id, o)).toBe(0);
    expect(await verifyLedger(db, org.id)).toEqual([]);
  });
});
