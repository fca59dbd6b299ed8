import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createOrg } from "@/lib/testing/factories";
import { debit, earn } from "./post";
import { verifyLedger } from "./verify";

// Races on one account (DESIGN §3 invariant 5). Meaningful on PostgreSQL (CI runs the db project
// there too); on the embedded database transactions run one at a time and the same assertions hold.
const prov = { actor: SYSTEM_ACTOR, sourceType: "TEST" };

describe("concurrent writers on one wallet", () => {
  it("never overdraw it: of 20 racing redemptions of 10 from 100 points, exactly 10 succeed", async () => {
    const { org, defaultProgram } = await createOrg();
    const base = { orgId: org.id, programId: defaultProgram.id, owner: { type: "CUSTOMER" as const, id: 7 }, provenance: prov };
    await earn(db, { ...base, points: 100 });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => db.$transaction((tx) => debit(tx, { ...base, points: 10, kind: "REDEEM" }), { maxWait: 20_000, timeout: 20_000 })),
    );
    const refused = results.filter((r) => r.status === "rejected");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    expect(refused.every((r) => r.reason instanceof AppError && r.reason.code === 818)).toBe(true);
    const account = await db.pointsAccount.findFirstOrThrow({ where: { orgId: org.id, ownerType: "CUSTOMER" } });
    expect(account.balance.toString()).toBe("0");
    expect(await verifyLedger(db, org.id)).toEqual([]);
  });

  it("lands every one of 50 racing credits to one group wallet, none lost", async () => {
    const { org, defaultProgram } = await createOrg();
    const group = { type: "USERGROUP" as const, id: 3 };
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        db.$transaction(
          async (tx) => {
            await earn(tx, { orgId: org.id, programId: defaultProgram.id, owner: { type: "CUSTOMER", id: 100 + i }, points: i + 1, provenance: prov });
            await earn(tx, { orgId: org.id, programId: defaultProgram.id, owner: group, points: i + 1, provenance: prov });
          },
          { maxWait: 20_000, timeout: 20_000 },
        ),
      ),
    );
    const wallet = await db.pointsAccount.findFirstOrThrow({ where: { orgId: org.id, ownerType: "USERGROUP", ownerId: 3 } });
    expect(Number(wallet.balance)).toBe((50 * 51) / 2);
    expect(await verifyLedger(db, org.id)).toEqual([]);
  });
});
