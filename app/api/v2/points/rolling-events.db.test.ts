import { describe, expect, it } from "vitest";
import { POST as REDEEM } from "@/app/api/v2/customers/[id]/redemptions/route";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { earn } from "@/lib/ledger/post";
import type { RollingPeriod } from "@/lib/ledger/types";
import { testDb as db } from "@/lib/testing/db";
import { createCustomer } from "@/lib/testing/groups-factories";
import { createRedemptionOrg, redemptionDb, setRedemptionStrategy } from "@/lib/testing/redemption-factories";
import { callRoute } from "@/lib/testing/route";
import { createGroupWithMembers } from "@/lib/testing/transfers-factories";
import { POST as GROUP_TRANSFER } from "./userGroup2/transfer/route";

// Redemptions and transfers as rolling events (issue 11, SPEC §8): where the org's Single Rolling
// Expiry names PointsRedemption or PointsTransfer, the customer's rolling lots in every program
// move to the event's date plus the org's period; fixed lots keep their dates. Points a transfer
// hands over keep the rolling period of the lot they came from.

const DAY = 86_400_000;
const SINGLE = (events: string[]) => ({ SINGLE_ROLLING_EXPIRY: { enabled: true, period: 6, unit: "MONTHS", events } });

async function setup(events: string[]) {
  const f = await createRedemptionOrg(SINGLE(events));
  await setRedemptionStrategy(f.orgId, f.defaultProgram.id);
  const lot = (customerId: number, points: number, expiresAt: string, rollingPeriod: RollingPeriod | null) =>
    earn(db, { orgId: f.orgId, programId: f.defaultProgram.id, owner: { type: "CUSTOMER", id: customerId }, points, expiresAt: new Date(expiresAt), rollingPeriod, provenance: { actor: SYSTEM_ACTOR, sourceType: "TEST" } });
  const lotsOf = (ownerType: "CUSTOMER" | "USERGROUP", ownerId: number) =>
    db.pointsLot.findMany({ where: { orgId: f.orgId, account: { ownerType, ownerId } }, orderBy: { id: "asc" }, select: { amount: true, remaining: true, expiresAt: true, rollingValue: true, rollingUnit: true } });
  const redeem = (customerId: number, points: number) =>
    callRoute(REDEEM, `/v2/customers/${customerId}/redemptions`, { method: "POST", params: { id: String(customerId) }, headers: { authorization: f.authorization, "content-type": "application/json" }, body: JSON.stringify({ points }) });
  return { f, lot, lotsOf, redeem };
}

/** The expiry moved to about six months from now (the org's period), not kept. */
const rolledToSixMonths = (d: Date | null) => d !== null && d.getTime() > Date.now() + 175 * DAY && d.getTime() < Date.now() + 186 * DAY;

describe("redemptions and transfers as rolling events", () => {
  it("a redemption rolls the redeemer's rolling lots where Single Rolling Expiry names PointsRedemption; fixed lots keep their date", async () => {
    const { f, lot, lotsOf, redeem } = await setup(["PointsRedemption"]);
    const ana = await createCustomer(f.orgId);
    await lot(ana.id, 50, "2027-02-01T00:00:00Z", { value: 1, unit: "MONTHS" });
    await lot(ana.id, 50, "2027-01-15T00:00:00Z", null);
    expect((await redeem(ana.id, 10)).status).toBe(200);
    const [rolling, fixed] = await lotsOf("CUSTOMER", ana.id);
    expect(rolledToSixMonths(rolling!.expiresAt)).toBe(true);
    expect([Number(rolling!.remaining), Number(fixed!.remaining), fixed!.expiresAt?.toISOString().slice(0, 10)]).toEqual([50, 40, "2027-01-15"]);
    expect(await redemptionDb.verify(f.orgId)).toEqual([]);
  });

  it("a redemption rolls nothing where the org's events leave it out", async () => {
    const { f, lot, lotsOf, redeem } = await setup(["TransactionAdd"]);
    const ana = await createCustomer(f.orgId);
    await lot(ana.id, 50, "2027-02-01T00:00:00Z", { value: 1, unit: "MONTHS" });
    expect((await redeem(ana.id, 10)).status).toBe(200);
    expect((await lotsOf("CUSTOMER", ana.id)).map((l) => l.expiresAt?.toISOString().slice(0, 10))).toEqual(["2027-02-01"]);
  });

  it("a transfer rolls the sender's remaining rolling lots, and the points it hands over keep their lot's rolling period", async () => {
    const { f, lot, lotsOf } = await setup(["PointsTransfer"]);
    const { group, members } = await createGroupWithMembers(f.orgId, [[]]);
    const ana = members[0]!;
    await lot(ana.id, 30, "2027-02-01T00:00:00Z", { value: 2, unit: "MONTHS" });
    const sent = await callRoute(GROUP_TRANSFER, "/api/v2/points/userGroup2/transfer", {
      method: "POST", headers: { authorization: f.authorization, "content-type": "application/json" },
      body: JSON.stringify({ pointsTobeTransferred: 20, fromEntity: { type: "CUSTOMER", identifierType: "id", identifierValue: String(ana.id) }, toEntity: { type: "USERGROUP2", identifierType: "id", identifierValue: String(group.id), source: "INSTORE" } }),
    });
    expect(sent.status).toBe(200);
    const [given] = await lotsOf("USERGROUP", group.id);
    expect(given).toMatchObject({ rollingValue: 2, rollingUnit: "MONTHS" });
    expect([Number(given!.amount), given!.expiresAt?.toISOString().slice(0, 10)]).toEqual([20, "2027-02-01"]);
    const [kept] = await lotsOf("CUSTOMER", ana.id);
    expect(Number(kept!.remaining)).toBe(10);
    expect(rolledToSixMonths(kept!.expiresAt)).toBe(true);
    expect(await redemptionDb.verify(f.orgId)).toEqual([]);
  });
});
