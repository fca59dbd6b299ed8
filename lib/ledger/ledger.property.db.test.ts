import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runIdempotent } from "@/lib/api/idempotency";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { prepareRedemption } from "@/lib/redemption/redeem";
import { createOrg } from "@/lib/testing/factories";
import { setRedemptionStrategy } from "@/lib/testing/redemption-factories";
import { adjust, debit, earn, reverse } from "./post";
import { ModelRefusal, ReferenceLedger } from "./reference-model";
import { transfer } from "./transfer";
import type { Owner } from "./types";
import { verifyLedger } from "./verify";
import { sweepExpiredPoints } from "@/lib/expiry/sweep";

// Random sequences of earn, redeem (the ledger's and lib/redemption's), return, adjust, transfer, reverse, expiry sweeps and retried requests across two
// members, a group and two programs, run on the real ledger and on the reference model; after
// every step the balances, lifetime points and every lot's remaining must agree, and at the end
// of each sequence every invariant must hold (npm run ledger:verify's checks).

const OWNERS = ["m1", "m2", "g"] as const;
type OwnerKey = (typeof OWNERS)[number];
const DAY = 86_400_000;
const BASE = Date.UTC(2027, 0, 1);

const owner = fc.constantFrom(...OWNERS);
const program = fc.constantFrom(0, 1);
const cents = fc.integer({ min: 1, max: 5_000 });
const expiry = fc.option(fc.integer({ min: 1, max: 4 }), { nil: null });
const keyed = fc.option(fc.integer({ min: 0, max: 5 }), { nil: null, freq: 2 });

const op = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant("earn" as const), owner, program, cents, expiry, earnedDay: fc.integer({ min: 0, max: 2 }), promotional: fc.boolean(), key: keyed }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("redeem" as const), owner, program, cents, key: keyed }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("return" as const), owner, program, cents, ofEarn: fc.nat(), key: keyed }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("adjust" as const), owner, program, cents: fc.integer({ min: -3_000, max: 3_000 }).filter((n) => n !== 0), key: keyed }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("reverse" as const), pick: fc.nat(), key: keyed }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("retry" as const), pick: fc.nat(), sameBody: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("expire" as const), upTo: fc.integer({ min: 0, max: 5 }) }) },
  // A member's redemption through lib/redemption (strategy, PointsRedemption row, then the ledger's debit): whole points.
  // lib/ledger/transfer.ts: between two different owners in one program (issue 11).
  { weight: 2, arbitrary: fc.record({ op: fc.constant("transfer" as const), from: owner, to: owner, program, cents, key: keyed }).filter((t) => t.from !== t.to) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("redemption" as const), owner: fc.constantFrom("m1" as const, "m2" as const), program, whole: fc.integer({ min: 1, max: 40 }), key: keyed }) },
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

const points = (c: number) => (c / 100).toFixed(2);

async function world() {
  const { org, defaultProgram } = await createOrg();
  const second = await db.program.create({ data: { orgId: org.id, name: `Brand ${org.id}`, active: true } });
  const [m1, m2] = await Promise.all([1, 2].map(() => db.customer.create({ data: { orgId: org.id } })));
  const group = await db.userGroup.create({ data: { orgId: org.id, externalId: `G${org.id}`, maxGroupSize: 5 } });
  const owners: Record<OwnerKey, Owner> = { m1: { type: "CUSTOMER", id: m1!.id }, m2: { type: "CUSTOMER", id: m2!.id }, g: { type: "USERGROUP", id: group.id } };
  return { org, programs: [defaultProgram.id, second.id], owners };
}

async function check(w: Awaited<ReturnType<typeof world>>, model: ReferenceLedger, lotIds: Map<number, number>) {
  const accounts = await db.pointsAccount.findMany({ where: { orgId: w.org.id, ownerType: { not: "SYSTEM" } } });
  const expected = [...model.accounts.entries()].filter(([, a]) => a.balance !== 0 || a.lifetime !== 0).map(([k, a]) => [k, a.balance, a.lifetime]).sort();
  const keyOf = (a: (typeof accounts)[number]) => `${OWNERS.find((o) => w.owners[o].type === a.ownerType && w.owners[o].id === a.ownerId)}:${w.programs.indexOf(a.programId)}`;
  const found = accounts
    .map((a) => [keyOf(a), Math.round(Number(a.balance) * 100), Math.round(Number(a.lifetimePoints) * 100)] as const)
    .filter(([, b, l]) => b !== 0 || l !== 0)
    .sort();
  expect(found).toEqual(expected);
  const lots = await db.pointsLot.findMany({ where: { orgId: w.org.id }, select: { id: true, remaining: true } });
  const remaining = new Map(lots.map((l) => [l.id, Math.round(Number(l.remaining) * 100)]));
  for (const lot of model.lots) {
    const dbId = lotIds.get(lot.id);
    if (dbId !== undefined) expect([lot.id, remaining.get(dbId)]).toEqual([lot.id, lot.remaining]);
  }
}

async function run(ops: Op[]) {
  const w = await world();
  const model = new ReferenceLedger();
  const movementIds = new Map<number, number>(); // model → database
  const lotIds = new Map<number, number>();
  const earns: number[] = [];
  const sent: { key: string; fingerprint: string; op: Op }[] = [];
  const prov = { actor: SYSTEM_ACTOR, sourceType: "TEST" };

  for (const [i, o] of ops.entries()) {
    const step: Op = o;
    let key: string | null = null;
    const fingerprint = `op-${i}`;
    if (o.op === "retry") {
      const previous = sent[o.pick % Math.max(sent.length, 1)];
      if (!previous) continue;
      const answers = await db.apiIdempotency.count({ where: { orgId: w.org.id } });
      const movements = await db.movement.count({ where: { orgId: w.org.id } });
      const retried = runIdempotent({ orgId: w.org.id, key: previous.key, fingerprint: o.sameBody ? previous.fingerprint : `${previous.fingerprint}-other` }, async () => {
        throw new Error("a retried request must not run again");
      });
      if (o.sameBody) await expect(retried).resolves.toMatchObject({ replayed: true });
      else await expect(retried).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.status === 409);
      expect(await db.movement.count({ where: { orgId: w.org.id } })).toBe(movements);
      expect(await db.apiIdempotency.count({ where: { orgId: w.org.id } })).toBe(answers);
      continue;
    }
    if (o.op === "expire") {
      // The sweep (lib/expiry): lots expiring by day 10 + upTo lose what is left of them.
      const expected = model.expire(o.upTo);
      const swept = await sweepExpiredPoints({ asOf: new Date(BASE + (10 + o.upTo) * DAY), orgId: w.org.id });
      expect([i, swept.accounts]).toEqual([i, expected.length]);
      await check(w, model, lotIds);
      continue;
    }
    if (o.key !== null) key = `k-${i}`;

    // The model first: what it refuses, the ledger must refuse with the same code.
    let expectedRefusal: number | null = null;
    let modelMovement: { id: number } | null = null;
    const acct = "owner" in step ? `${step.owner}:${step.program}` : "";
    const isGroup = "owner" in step && step.owner === "g";
    const lotCountBefore = model.lots.length;
    try {
      if (step.op === "earn") {
        modelMovement = model.earn(acct, isGroup, step.cents, { expiresAt: step.expiry, earnedAt: step.earnedDay + 1, promotional: step.promotional });
      } else if (step.op === "redeem") {
        modelMovement = model.debit(acct, isGroup, step.cents, "REDEEM");
      } else if (step.op === "return") {
        const of = earns.length ? earns[step.ofEarn % earns.length]! : null;
        modelMovement = model.debit(acct, isGroup, step.cents, "RETURN", of === null ? [] : [of]);
      } else if (step.op === "adjust") {
        modelMovement = step.cents > 0 ? model.earn(acct, isGroup, step.cents, { expiresAt: null, earnedAt: 0 }, "ADJUST") : model.debit(acct, isGroup, -step.cents, "ADJUST");
      } else if (step.op === "transfer") {
        modelMovement = model.transfer(`${step.from}:${step.program}`, step.from === "g", `${step.to}:${step.program}`, step.to === "g", step.cents);
      } else if (step.op === "redemption") {
        modelMovement = model.debit(acct, false, step.whole * 100, "REDEEM");
      } else if (step.op === "reverse") {
        const ids = [...movementIds.keys()];
        if (ids.length === 0) continue;
        modelMovement = model.reverse(ids[step.pick % ids.length]!);
      }
    } catch (e) {
      if (!(e instanceof ModelRefusal)) throw e;
      expectedRefusal = e.code;
    }

    const s = step;
    // A redemption decides before its transaction (lib/redemption); a refusal there is the step's answer.
    const redemption =
      s.op === "redemption"
        ? await setRedemptionStrategy(w.org.id, w.programs[s.program]!)
            .then(() => prepareRedemption({ orgId: w.org.id, actor: SYSTEM_ACTOR, tillCode: null, customerId: w.owners[s.owner].id, programId: w.programs[s.program]!, points: s.whole, requestId: `req-${i}` }))
            .then((prepared) => ({ prepared }), (error: unknown) => ({ error }))
        : null;
    const work = async (tx: Parameters<Parameters<typeof runIdempotent>[1]>[0]) => {
      const base = "owner" in s ? { orgId: w.org.id, programId: w.programs[s.program]!, owner: w.owners[s.owner], provenance: prov } : null;
      let r: { movementId: number; lotId?: number | null };
      if (s.op === "earn") {
        r = await earn(tx, { ...base!, points: points(s.cents), lotKind: s.promotional ? "PROMOTIONAL" : "REGULAR", earnedAt: new Date(BASE + (s.earnedDay + 1) * DAY), expiresAt: s.expiry === null ? null : new Date(BASE + (10 + s.expiry) * DAY) });
      } else if (s.op === "redeem") {
        r = await debit(tx, { ...base!, points: points(s.cents), kind: "REDEEM" });
      } else if (s.op === "return") {
        const of = earns.length ? earns[s.ofEarn % earns.length]! : null;
        r = await debit(tx, { ...base!, points: points(s.cents), kind: "RETURN", preferLotsOf: of === null ? [] : [movementIds.get(of)!] });
      } else if (s.op === "adjust") {
        r = await adjust(tx, { ...base!, points: points(s.cents) });
      } else if (s.op === "transfer") {
        const programId = w.programs[s.program]!;
        r = await transfer(tx, { orgId: w.org.id, programId, from: w.owners[s.from], fromPrograms: [programId], to: w.owners[s.to], toProgramId: programId, points: points(s.cents), regularOnly: s.to === "g", provenance: prov });
      } else if (s.op === "redemption") {
        if (!redemption || "error" in redemption) throw redemption?.error;
        const done = await redemption.prepared.commit(tx);
        const row = await tx.pointsRedemption.findUniqueOrThrow({ where: { id: Number(done.redemptionId) }, select: { movementIds: true } });
        r = { movementId: row.movementIds[0]! };
      } else if (s.op === "reverse") {
        const ids = [...movementIds.keys()];
        r = await reverse(tx, { orgId: w.org.id, movementId: movementIds.get(ids[s.pick % ids.length]!)!, provenance: prov });
      } else throw new Error("unreachable");
      return { status: 200, body: r };
    };

    const outcome = await runIdempotent({ orgId: w.org.id, key, fingerprint }, work).then(
      (a) => a,
      (e: unknown) => e,
    );
    if (key !== null) sent.push({ key, fingerprint, op: step });
    if (expectedRefusal !== null) {
      const code = outcome instanceof AppError ? outcome.code : (outcome as { body?: { errors?: { code: number }[] } }).body?.errors?.[0]?.code;
      expect([i, step.op, code]).toEqual([i, step.op, expectedRefusal]);
    } else {
      if (outcome instanceof Error) throw outcome;
      const body = (outcome as { body: { movementId: number; lotId?: number | null } }).body;
      movementIds.set(modelMovement!.id, body.movementId);
      if (step.op === "earn") earns.push(modelMovement!.id);
      // Lots the step created, in creation order (an earn's lot, a reversal's new lot).
      const created = model.lots.slice(lotCountBefore);
      if (created.length > 0) {
        const dbLots = await db.pointsLot.findMany({ where: { movementId: body.movementId }, orderBy: { id: "asc" }, select: { id: true } });
        created.forEach((l, n) => lotIds.set(l.id, dbLots[n]!.id));
      }
    }
    await check(w, model, lotIds);
  }
  expect(await verifyLedger(db, w.org.id)).toEqual([]);
}

describe("the ledger against a reference model", () => {
  it("agrees on every step of random sequences, and every invariant holds after each", async () => {
    await fc.assert(fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), run), { numRuns: 150 });
  }, 600_000);
});
