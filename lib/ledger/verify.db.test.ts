import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { createOrg } from "@/lib/testing/factories";
import { debit, earn, reverse } from "./post";
import { formatProblem, verifyLedger } from "./verify";

const prov = { actor: SYSTEM_ACTOR, sourceType: "TEST" };

async function populated() {
  const { org, defaultProgram } = await createOrg();
  const base = { orgId: org.id, programId: defaultProgram.id, provenance: prov };
  const owner = { type: "CUSTOMER" as const, id: 1 };
  const group = { type: "USERGROUP" as const, id: 1 };
  const e = await earn(db, { ...base, owner, points: 50 });
  await debit(db, { ...base, owner, points: 20, kind: "REDEEM" });
  await earn(db, { ...base, owner: group, points: 10 });
  const r = await debit(db, { ...base, owner: group, points: 15, kind: "RETURN" });
  await reverse(db, { orgId: org.id, movementId: r.movementId, provenance: prov });
  return { org, program: defaultProgram, earned: e };
}

// The database refuses every breach through its triggers; to prove the checks see one, a test
// switches triggers off for one transaction (session_replication_role) and breaks a row by hand.
async function breakByHand(sql: string) {
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`);
    await tx.$executeRawUnsafe(sql);
  });
}

describe("verifyLedger", () => {
  it("finds nothing wrong in a ledger written by the posting functions", async () => {
    const f = await populated();
    expect(await verifyLedger(db, f.org.id)).toEqual([]);
  });

  it("names the account, the expected and the found value of a drifted balance", async () => {
    const f = await populated();
    await breakByHand(`UPDATE "PointsAccount" SET balance = balance + 7 WHERE id = ${f.earned.accountId}`);
    const problems = await verifyLedger(db, f.org.id);
    expect(problems).toContainEqual({
      check: "cached balance equals the account's postings", orgId: f.org.id, accountId: f.earned.accountId, expected: "30.0000", found: "37.0000",
    });
    expect(problems.map(formatProblem)).toContain(
      `cached balance equals the account's postings: org ${f.org.id}, account ${f.earned.accountId}: expected 30.0000, found 37.0000`,
    );
  });

  it("finds an unbalanced movement, lots out of step with the balance, and a movement without postings", async () => {
    const f = await populated();
    await breakByHand(`INSERT INTO "Posting" ("orgId", "movementId", "accountId", amount) VALUES (${f.org.id}, ${f.earned.movementId}, ${f.earned.accountId}, 1)`);
    await breakByHand(`UPDATE "PointsLot" SET remaining = remaining - 1 WHERE id = ${f.earned.lotId}`);
    await breakByHand(
      `INSERT INTO "Movement" ("orgId", "programId", kind, "sourceType", "actorType") VALUES (${f.org.id}, ${f.program.id}, 'EARN', 'TEST', 'SYSTEM')`,
    );
    const checks = new Set((await verifyLedger(db, f.org.id)).map((p) => p.check));
    expect(checks).toEqual(
      new Set([
        "movement postings sum to zero",
        "org postings sum to zero",
        "cached balance equals the account's postings",
        "open lots hold the balance (above zero)",
        "a lot's amount less its remaining equals its consumptions",
        "movement has postings",
      ]),
    );
    const other = await createOrg();
    expect(await verifyLedger(db, other.org.id)).toEqual([]);
  });
});
