import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { adjustCustomerPoints } from "@/lib/engine/manual-adjustment";
import { sweepExpiredPoints } from "@/lib/expiry/sweep";
import { prepareRedemption } from "@/lib/redemption/redeem";
import { createCustomer } from "@/lib/testing/groups-factories";
import { createRedemptionOrg, grant, redemptionDb, setRedemptionStrategy } from "@/lib/testing/redemption-factories";
import { commitTransfer } from "@/lib/transfers/commit";
import { planCustomerTransfer } from "@/lib/transfers/customer-transfer";
import { customerTransferBodySchema } from "@/lib/transfers/customer-schema";
import type { WebhookEvent } from "./events";
import { encryptSecret } from "./secret";

// The points events of SPEC-vendor-api §F.1 not written by the engine (pointsRedeemed,
// pointsExpired, pointsTransferredInitiated / Received) and ours (manualPointsAdjustment): each
// in the outbox from the transaction that moved the points, nothing from one that rolled back.

async function pointsOrg(events: WebhookEvent[]) {
  const o = await createRedemptionOrg();
  const programId = o.defaultProgram.id;
  await setRedemptionStrategy(o.orgId, programId);
  await db.webhookSubscription.create({ data: { orgId: o.orgId, name: "Points mirror", url: "https://93.184.216.34/hook", signingSecret: encryptSecret("whsec_p"), events } });
  const ana = await createCustomer(o.orgId);
  await redemptionDb.enrol(o.orgId, programId, ana.id);
  const outbox = async () =>
    (await db.webhookDelivery.findMany({ where: { orgId: o.orgId }, orderBy: { id: "asc" }, select: { eventName: true, refId: true, payload: true } })).map((d) => ({
      eventName: d.eventName, refId: d.refId, data: (d.payload as { data: Record<string, unknown> }).data,
    }));
  return { ...o, programId, ana, outbox };
}

describe("points webhooks", () => {
  it("a redemption writes pointsRedeemed with the redemption as its refId; a rolled-back one writes nothing", async () => {
    const o = await pointsOrg(["pointsRedeemed"]);
    await grant(o.orgId, o.programId, { type: "CUSTOMER", id: o.ana.id }, 500);
    const prepared = await prepareRedemption({ orgId: o.orgId, actor: SYSTEM_ACTOR, tillCode: null, customerId: o.ana.id, programId: o.programId, points: 120, transactionNumber: "R-1", requestId: "req-r1" });
    await expect(db.$transaction(async (tx) => {
      await prepared.commit(tx);
      throw new Error("the request failed after the redemption");
    })).rejects.toThrow("the request failed");
    expect(await o.outbox()).toEqual([]);

    const done = await db.$transaction((tx) => prepared.commit(tx));
    expect(await o.outbox()).toEqual([{
      eventName: "pointsRedeemed", refId: `${o.orgId}_${done.redemptionId}`,
      data: {
        entityInformation: { entityId: o.ana.id, entityType: "CUSTOMER" }, customerId: o.ana.id, loyaltyProgramId: o.programId, points: 120,
        redemptionId: done.redemptionId, redeemedValue: done.redeemedValue, transactionNumber: "R-1", externalReferenceNumber: null, notes: "",
      },
    }]);
  });

  it("the expiry sweep writes one pointsExpired per wallet it expires", async () => {
    const o = await pointsOrg(["pointsExpired"]);
    const ben = await createCustomer(o.orgId);
    await grant(o.orgId, o.programId, { type: "CUSTOMER", id: o.ana.id }, 40, { expiresAt: new Date("2027-01-10T00:00:00Z") });
    await grant(o.orgId, o.programId, { type: "CUSTOMER", id: o.ana.id }, 60, { expiresAt: new Date("2027-01-20T00:00:00Z") });
    await grant(o.orgId, o.programId, { type: "CUSTOMER", id: ben.id }, 25, { expiresAt: new Date("2027-01-15T00:00:00Z") });
    await grant(o.orgId, o.programId, { type: "CUSTOMER", id: ben.id }, 99, { expiresAt: new Date("2027-06-01T00:00:00Z") });
    const swept = await sweepExpiredPoints({ orgId: o.orgId, asOf: new Date("2027-02-01T00:00:00Z") });
    expect(swept.points).toBe(125);
    const events = await o.outbox();
    expect(events.map((e) => [e.eventName, e.data.entityInformation, e.data.points, e.data.lots])).toEqual(
      expect.arrayContaining([
        ["pointsExpired", { entityId: o.ana.id, entityType: "CUSTOMER" }, 100, 2],
        ["pointsExpired", { entityId: ben.id, entityType: "CUSTOMER" }, 25, 1],
      ]),
    );
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ refId: expect.stringMatching(new RegExp(`^${o.orgId}_\\d+$`)), data: { loyaltyProgramId: o.programId, expiredUpTo: "2027-02-01T00:00:00.000Z" } });
  });

  it("a transfer writes pointsTransferredInitiated for the sender and pointsTransferredReceived for the recipient, paired by the transfer id", async () => {
    const o = await pointsOrg(["pointsTransferredInitiated", "pointsTransferredReceived"]);
    const ben = await createCustomer(o.orgId);
    await redemptionDb.enrol(o.orgId, o.programId, ben.id);
    await grant(o.orgId, o.programId, { type: "CUSTOMER", id: o.ana.id }, 300);
    const input = customerTransferBodySchema.parse({
      fromCustomerIdentifier: { type: "ID", value: String(o.ana.id) }, toCustomerIdentifier: { type: "ID", value: String(ben.id) }, pointsTobeTransferred: 75, programId: o.programId, notes: "Gift",
    });
    const plan = await planCustomerTransfer({ orgId: o.orgId, actor: SYSTEM_ACTOR, input, requestId: "req-t1" });
    const done = await db.$transaction((tx) => commitTransfer(tx, plan));
    const common = {
      transferId: done.id, transferType: "CUSTOMER", points: 75, loyaltyProgramId: o.programId, toLoyaltyProgramId: o.programId,
      from: { entityId: o.ana.id, entityType: "CUSTOMER" }, to: { entityId: ben.id, entityType: "CUSTOMER" }, notes: "Gift",
    };
    expect(await o.outbox()).toEqual([
      { eventName: "pointsTransferredInitiated", refId: `${o.orgId}_${done.id}`, data: { entityInformation: { entityId: o.ana.id, entityType: "CUSTOMER" }, ...common, breakup: done.breakup } },
      { eventName: "pointsTransferredReceived", refId: `${o.orgId}_${done.id}`, data: { entityInformation: { entityId: ben.id, entityType: "CUSTOMER" }, ...common } },
    ]);
  });

  it("a member-care adjustment writes manualPointsAdjustment once, even when the form is submitted twice", async () => {
    const o = await pointsOrg(["manualPointsAdjustment"]);
    const actor = { kind: "user" as const, id: 77, label: "Carlos Agent" };
    const input = { customerId: o.ana.id, programId: o.programId, points: -15, reason: "Goodwill correction", idempotencyKey: "k-adjust-1" };
    await grant(o.orgId, o.programId, { type: "CUSTOMER", id: o.ana.id }, 100);
    const first = await adjustCustomerPoints({ orgId: o.orgId, actor, input });
    const again = await adjustCustomerPoints({ orgId: o.orgId, actor, input });
    expect(again.replayed).toBe(true);
    expect(await o.outbox()).toEqual([{
      eventName: "manualPointsAdjustment", refId: `${o.orgId}_${first.movementId}`,
      data: { entityInformation: { entityId: o.ana.id, entityType: "CUSTOMER" }, loyaltyProgramId: o.programId, points: -15, balance: 85, reason: "Goodwill correction", adjustedBy: "Carlos Agent", movementId: first.movementId },
    }]);
  });
});
