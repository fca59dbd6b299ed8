import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { createOrg } from "@/lib/testing/factories";
import { earn } from "./post";
import { transfer } from "./transfer";
import { verifyLedger } from "./verify";

// Transfers racing in both directions between two group wallets (issue 11, DESIGN §3 invariant 5).
// Each transaction runs once, without the API's conflict retry, so a deadlock would fail the test:
// ledger_transfer locks both accounts in id order, so opposite transfers queue instead. Meaningful
// on PostgreSQL (CI runs the db project there too); on the embedded database transactions run one
// at a time and the same assertions hold.
const prov = { actor: SYSTEM_ACTOR, sourceType: "TEST" };

describe("concurrent transfers between two groups", () => {
  it("neither deadlock nor lose a point: 40 transfers in both directions all land, totals exact", async () => {
    const { org, defaultProgram } = await createOrg();
    const [g1, g2] = [{ type: "USERGROUP" as const, id: 11 }, { type: "USERGROUP" as const, id: 12 }];
    const base = { orgId: org.id, programId: defaultProgram.id, provenance: prov };
    // Several lots each, so transfers consume and create lots on both sides while they race.
    for (const g of [g1, g2]) for (let i = 0; i < 4; i++) await earn(db, { ...base, owner: g, points: 50, expiresAt: new Date(Date.UTC(2027, i, 1)) });
    const move = (from: typeof g1, to: typeof g1, points: number) =>
      db.$transaction((tx) => transfer(tx, { ...base, from, fromPrograms: [defaultProgram.id], to, toProgramId: defaultProgram.id, points, regularOnly: true }), { maxWait: 30_000, timeout: 30_000 });
    const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? move(g1, g2, 5) : move(g2, g1, 3))));
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const balance = async (g: typeof g1) => Number((await db.pointsAccount.findFirstOrThrow({ where: { orgId: org.id, ownerType: "USERGROUP", ownerId: g.id } })).balance);
    expect([await balance(g1), await balance(g2)]).toEqual([200 - 100 + 60, 200 + 100 - 60]);
    expect(await db.movement.count({ where: { orgId: org.id, kind: "TRANSFER" } })).toBe(40);
    expect(await verifyLedger(db, org.id)).toEqual([]);
  });
});
