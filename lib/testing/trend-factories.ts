import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { debit, earn } from "@/lib/ledger/post";
import { createCustomer } from "./groups-factories";

// Ledger activity for the programs overview's trend (lib/ledger/trend.ts), through the ledger's
// own posting functions: two customers earn, one redeems, the other's points expire, and a group
// earns (a group's wallet is not a member). Used by the DB test and by the E2E fixture.

export const TREND_ACTIVITY = { issued: 900, redeemed: 120, expired: 80, activeMembers: 2 } as const;

export async function createTrendActivity(orgId: number, programId: number) {
  const [ana, ben] = [await createCustomer(orgId, { firstName: "Trend Ana" }), await createCustomer(orgId, { firstName: "Trend Ben" })];
  const group = await db.userGroup.create({ data: { orgId, externalId: `TREND-${Date.now()}${Math.floor(Math.random() * 1000)}`, groupName: "Trend family", maxGroupSize: 5 } });
  const provenance = { actor: SYSTEM_ACTOR, sourceType: "TEST" };
  await db.$transaction(async (tx) => {
    await earn(tx, { orgId, programId, owner: { type: "CUSTOMER", id: ana.id }, points: 500, provenance });
    await earn(tx, { orgId, programId, owner: { type: "CUSTOMER", id: ben.id }, points: 300, provenance });
    await earn(tx, { orgId, programId, owner: { type: "USERGROUP", id: group.id }, points: 100, provenance });
    await debit(tx, { orgId, programId, owner: { type: "CUSTOMER", id: ana.id }, points: 120, kind: "REDEEM", provenance });
    await debit(tx, { orgId, programId, owner: { type: "CUSTOMER", id: ben.id }, points: 80, kind: "EXPIRE", provenance });
  });
  return { customers: [ana, ben], group };
}
