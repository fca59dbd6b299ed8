import { describe, expect, it } from "vitest";
import { createApiClient } from "@/lib/testing/factories";
import { bill, createEngineOrg, createFamily, ENGINE_SCOPES, publishLive } from "@/lib/testing/engine-factories";
import { createCustomer } from "@/lib/testing/groups-factories";
import { callRoute } from "@/lib/testing/route";
import { addTiers, enrolAt, tiersDb } from "@/lib/testing/tiers-factories";
import { GET as tierDetailsById } from "../../customers/[id]/tierDetails/route";
import { GET as tierDetailsLookup } from "../../customers/lookup/tierDetails/route";
import { POST as addTransaction } from "../../transactions/route";
import { POST as adjust } from "./route";

type Body = Record<string, unknown> & { errors?: { code: number; message: string; field?: string }[] };

async function tiersOrg(policy: Parameters<typeof addTiers>[3] = {}) {
  const f = await createEngineOrg();
  await addTiers(f.orgId, f.defaultProgram.id, undefined, policy);
  const api = await createApiClient(f.orgId, { scopes: [...ENGINE_SCOPES, "tiers:write"] });
  const call = async (query: string, body: unknown) => {
    const r = await callRoute(adjust, `/v2/slab/manualSlabAdjustment?${query}`, { method: "POST", headers: { authorization: api.authorization }, body: JSON.stringify(body) });
    return r as { status: number; body: Body };
  };
  const sendBill = async (mobile: string, amount: number, number: string) =>
    (await callRoute(addTransaction, `/v2/transactions?source=INSTORE&identifierName=mobile&identifierValue=${mobile}`, {
      method: "POST", headers: { authorization: api.authorization }, body: JSON.stringify(bill(number, amount, { billingDate: new Date().toISOString() })),
    })) as { status: number; body: Body & { tierChanges?: { customerId: number; slabAction: string; cause: string; currentSlab: { name: string } }[] } };
  return { ...f, api, call, sendBill, programId: f.defaultProgram.id };
}

const upgrade = (programId: number, extra: Record<string, unknown> = {}) => ({
  programId, toSlabName: "Gold", slabAction: "UPGRADE", manualSlabActionValidity: "FIXED_DURATION", manualSlabActionValidityUpto: "20", reassessTierOnNextActivity: false, slabChangeReason: "Won the tier giveaway", ...extra,
});

describe("POST /v2/slab/manualSlabAdjustment", () => {
  it("upgrades by tier name for a number of days, records who and why, and the tier reads show it (SPEC §4.1 example)", async () => {
    const o = await tiersOrg();
    const ana = await createCustomer(o.orgId);
    await enrolAt(o.orgId, o.programId, ana.id, "Silver");
    const r = await o.call(`source=INSTORE&identifierName=mobile&identifierValue=${ana.mobile}&type=CUSTOMER`, upgrade(o.programId));
    expect(r.status).toBe(200);
    expect(r.body.entity).toMatchObject({ customerId: ana.id, slabAction: "UPGRADE", previousSlab: { number: 1, name: "Silver" }, currentSlab: { number: 2, name: "Gold" } });
    const expiry = new Date((r.body.entity as { tierExpiryDate: string }).tierExpiryDate).getTime();
    expect(Math.round((expiry - Date.now()) / 86_400_000)).toBe(20);
    const [change] = await tiersDb.changes(o.orgId, ana.id);
    expect(change).toMatchObject({ action: "UPGRADE", cause: "MANUAL", reason: "Won the tier giveaway", actorType: "API_CLIENT", actorId: o.api.client.id });

    const details = await callRoute(tierDetailsById, `/v2/customers/${ana.id}/tierDetails`, { headers: { authorization: o.api.authorization }, params: { id: String(ana.id) } });
    expect(details.body).toMatchObject({ entityId: ana.id, entityType: "CUSTOMER", programTiers: [{ programId: o.programId, currentTierName: "Gold", currentTierSerialNumber: 2, nextTierName: "Platinum", nextTierSerialNumber: 3 }] });
    const byMobile = await callRoute(tierDetailsLookup, `/v2/customers/lookup/tierDetails?identifierName=mobile&identifierValue=${ana.mobile}&source=INSTORE`, { headers: { authorization: o.api.authorization } });
    expect((byMobile.body as { programTiers: { tierExpiryDate: string }[] }).programTiers[0]!.tierExpiryDate).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it("refuses every wrong request with its code and message, and changes nothing", async () => {
    const o = await tiersOrg();
    const ana = await createCustomer(o.orgId);
    await enrolAt(o.orgId, o.programId, ana.id, "Silver");
    const q = `source=INSTORE&identifierName=mobile&identifierValue=${ana.mobile}`;
    const code = async (query: string, body: unknown) => {
      const r = await o.call(query, body);
      return [r.status, r.body.errors?.[0]?.code, r.body.errors?.[0]?.message] as const;
    };
    expect(await code(`${q}&type=USERGROUP2`, upgrade(o.programId))).toEqual([422, 1801, expect.stringContaining("aren't available for user groups")]);
    expect(await code(q, upgrade(o.programId, { toSlabName: undefined }))).toEqual([422, 1802, "toSlabName is required for UPGRADE: name the tier to move the customer to."]);
    expect(await code(q, upgrade(o.programId, { toSlabName: "Emerald" }))).toEqual([404, 1803, `Tier Emerald does not exist in program ${o.defaultProgram.name}; its tiers are Silver, Gold, Platinum.`]);
    // Seed 000: "Do not use the tier number directly in the manual adjustment call."
    expect(await code(q, upgrade(o.programId, { toSlabName: "2" }))).toEqual([422, 1804, `toSlabName takes the tier's name, not its number: tier 2 of program ${o.defaultProgram.name} is "Gold".`]);
    expect(await code(q, upgrade(o.programId, { toSlabName: "Silver" }))).toEqual([409, 1805, "The customer is in tier Silver: an UPGRADE must name a higher tier."]);
    expect(await code(q, upgrade(o.programId, { slabAction: "DOWNGRADE", toSlabName: "Gold" }))).toEqual([409, 1806, "The customer is in tier Silver: a DOWNGRADE must name a lower tier."]);
    expect(await code(q, upgrade(o.programId, { slabAction: "RENEWAL" }))).toEqual([409, 1807, "The customer holds the base tier Silver, which never expires: there is nothing to renew."]);
    expect(await code(q, upgrade(o.programId, { manualSlabActionValidityUpto: "soon" }))).toEqual([422, 1808, "manualSlabActionValidityUpto must be a whole number of days of at least 1 for FIXED_DURATION."]);
    expect(await code(q, upgrade(o.programId, { manualSlabActionValidity: "FIXED_DATE", manualSlabActionValidityUpto: "2020-01-01" }))).toEqual([422, 1808, "manualSlabActionValidityUpto must be a future date (YYYY-MM-DD) for FIXED_DATE."]);
    expect(await code(q, upgrade(999_999))).toEqual([404, 1213, "Invalid programId passed in request."]);
    expect(await code(`source=INSTORE&identifierName=mobile&identifierValue=900000000`, upgrade(o.programId))).toEqual([404, 8015, expect.any(String)]);
    expect((await code(q, upgrade(o.programId, { slabAction: "PROMOTE" })))[0]).toBe(400);
    expect((await code(`source=INSTORE&identifierName=cardnumber&identifierValue=1`, upgrade(o.programId)))[0]).toBe(400);

    const outsider = await createCustomer(o.orgId);
    expect(await code(`source=INSTORE&identifierName=mobile&identifierValue=${outsider.mobile}`, upgrade(o.programId))).toEqual([404, 1810, `Customer ${outsider.id} is not enrolled in program ${o.defaultProgram.name}.`]);
    await enrolAt(o.orgId, o.programId, outsider.id, null);
    expect(await code(`source=INSTORE&identifierName=mobile&identifierValue=${outsider.mobile}`, upgrade(o.programId, { slabAction: "RENEWAL" }))).toEqual([409, 1812, `The customer has no tier in program ${o.defaultProgram.name} yet: RENEWAL needs a current tier.`]);

    const noTiers = await createEngineOrg();
    const api = await createApiClient(noTiers.orgId, { scopes: ["tiers:write"] });
    const bo = await createCustomer(noTiers.orgId);
    const r = await callRoute(adjust, `/v2/slab/manualSlabAdjustment?source=INSTORE&identifierName=mobile&identifierValue=${bo.mobile}`, { method: "POST", headers: { authorization: api.authorization }, body: JSON.stringify(upgrade(noTiers.defaultProgram.id)) });
    expect([(r.body as Body).errors?.[0]?.code, r.status]).toEqual([1811, 409]);

    expect(await tiersDb.changes(o.orgId, ana.id)).toEqual([]);
    expect((await tiersDb.tierOf(o.programId, ana.id))?.tier?.name).toBe("Silver");
  });

  it("downgrades, renews and extends the current tier, each refused when it would not move forward", async () => {
    const o = await tiersOrg();
    const ana = await createCustomer(o.orgId);
    await enrolAt(o.orgId, o.programId, ana.id, "Platinum", { tierExpiresAt: new Date(Date.now() + 30 * 86_400_000) });
    const q = `source=INSTORE&identifierName=id&identifierValue=${ana.id}`;
    expect((await o.call(q, upgrade(o.programId, { slabAction: "DOWNGRADE", toSlabName: "gold" }))).body.entity).toMatchObject({ currentSlab: { name: "Gold" } });
    const renewed = await o.call(q, upgrade(o.programId, { slabAction: "RENEWAL", toSlabName: undefined, manualSlabActionValidity: "FIXED_DATE", manualSlabActionValidityUpto: "2099-06-30" }));
    expect(renewed.body.entity).toMatchObject({ slabAction: "RENEWAL", currentSlab: { name: "Gold" }, tierExpiryDate: "2099-06-30T23:59:59.999Z" });
    const earlier = await o.call(q, upgrade(o.programId, { slabAction: "EXTEND_CURRENT_TIER_EXPIRY_DATE", manualSlabActionValidity: "FIXED_DATE", manualSlabActionValidityUpto: "2098-01-01" }));
    expect(earlier.body.errors?.[0]).toMatchObject({ code: 1809, message: "The new tier expiry 2098-01-01 is not after the current one 2099-06-30." });
    const later = await o.call(q, upgrade(o.programId, { slabAction: "EXTEND_CURRENT_TIER_EXPIRY_DATE", manualSlabActionValidity: "FIXED_DATE", manualSlabActionValidityUpto: "2100-01-01" }));
    expect(later.body.entity).toMatchObject({ slabAction: "EXTEND_CURRENT_TIER_EXPIRY_DATE", tierExpiryDate: "2100-01-01T23:59:59.999Z" });
    expect((await tiersDb.changes(o.orgId, ana.id)).map((c) => c.action)).toEqual(["DOWNGRADE", "RENEWAL", "EXTEND_CURRENT_TIER_EXPIRY_DATE"]);
  });

  it("with reassessTierOnNextActivity, the next transaction puts the member on the tier their purchases qualify for", async () => {
    const o = await tiersOrg();
    await publishLive(o.orgId, o.programId);
    const ana = await createCustomer(o.orgId);
    await enrolAt(o.orgId, o.programId, ana.id, "Silver");
    await o.call(`source=INSTORE&identifierName=mobile&identifierValue=${ana.mobile}`, upgrade(o.programId, { toSlabName: "Platinum", reassessTierOnNextActivity: true }));
    const next = await o.sendBill(ana.mobile, 6000, "R-1");
    expect(next.body.tierChanges).toEqual([expect.objectContaining({ slabAction: "DOWNGRADE", cause: "STRATEGY", currentSlab: { number: 2, name: "Gold" } })]);
    // Reassessed once: a later bill below Gold's threshold does not move the tier again.
    const after = await o.sendBill(ana.mobile, 10, "R-2");
    expect(after.body.tierChanges).toBeUndefined();
  });
});

describe("tiers move with transactions", () => {
  it("a member's bills lift them to Gold in the same transaction, once", async () => {
    const o = await tiersOrg();
    await publishLive(o.orgId, o.programId);
    const ana = await createCustomer(o.orgId);
    expect((await o.sendBill(ana.mobile, 3000, "T-1")).body.tierChanges).toBeUndefined();
    expect((await tiersDb.tierOf(o.programId, ana.id))?.tier?.name).toBe("Silver");
    const lift = await o.sendBill(ana.mobile, 2500, "T-2");
    expect(lift.body.tierChanges).toEqual([expect.objectContaining({ customerId: ana.id, slabAction: "UPGRADE", cause: "STRATEGY", previousSlab: { number: 1, name: "Silver" }, currentSlab: { number: 2, name: "Gold" } })]);
    expect((await o.sendBill(ana.mobile, 100, "T-3")).body.tierChanges).toBeUndefined();
    const [change] = await tiersDb.changes(o.orgId, ana.id);
    expect(change?.reason).toContain("lifetime purchases 5500 reached Gold (5000)");
  });

  it("the seed family story: with tier sync on, the primary's upgrade lifts all four secondaries in the same response", async () => {
    const o = await tiersOrg({ tierSyncGroupMembers: true });
    await publishLive(o.orgId, o.programId);
    const { group, members } = await createFamily(o.orgId, 5);
    const [primary, ...secondaries] = members as [(typeof members)[number], ...typeof members];
    for (const m of members) await enrolAt(o.orgId, o.programId, m.id, "Silver");
    const r = await o.sendBill(primary.mobile, 5200, "F-1");
    expect(r.status).toBe(200);
    expect(r.body.tierChanges?.map((c) => [c.customerId, c.cause, c.currentSlab.name])).toEqual([
      [primary.id, "STRATEGY", "Gold"],
      ...secondaries.map((s) => [s.id, "GROUP_SYNC", "Gold"]),
    ]);
    for (const s of secondaries) {
      expect((await tiersDb.tierOf(o.programId, s.id))?.tier?.name).toBe("Gold");
      expect((await tiersDb.changes(o.orgId, s.id))[0]?.reason).toBe(`Follows primary member ${primary.id} of group ${group.id} (Gold)`);
    }
  });

  it("with tier sync off, only the primary moves, and the documented manual pattern gets the same result", async () => {
    const o = await tiersOrg();
    await publishLive(o.orgId, o.programId);
    const { members } = await createFamily(o.orgId, 5);
    const [primary, ...secondaries] = members as [(typeof members)[number], ...typeof members];
    for (const m of members) await enrolAt(o.orgId, o.programId, m.id, "Silver");
    const r = await o.sendBill(primary.mobile, 5200, "F-1");
    expect(r.body.tierChanges?.map((c) => c.customerId)).toEqual([primary.id]);
    expect((await tiersDb.tierOf(o.programId, secondaries[0]!.id))?.tier?.name).toBe("Silver");
    // Seed 000: map the tier number to its name, then manualSlabAdjustment for each secondary.
    for (const s of secondaries) {
      const a = await o.call(`source=INSTORE&identifierName=id&identifierValue=${s.id}&type=CUSTOMER`, upgrade(o.programId, { toSlabName: r.body.tierChanges![0]!.currentSlab.name, slabChangeReason: "Group tier sync" }));
      expect(a.status).toBe(200);
    }
    for (const s of secondaries) expect((await tiersDb.tierOf(o.programId, s.id))?.tier?.name).toBe("Gold");
  });

  it("the workflow's UPGRADE_TIER action lifts the member one tier, and RENEW_TIER extends the tier", async () => {
    const o = await tiersOrg();
    await publishLive(o.orgId, o.programId, {
      activities: [{
        activity: "TransactionAdd",
        rulesets: [{
          name: "Tiers",
          conditions: [
            { name: "Big basket", expression: "currentTxn.value >= 1000", whenTrue: [{ type: "UPGRADE_TIER", note: "Big basket" }], whenFalse: [] },
            { name: "Small basket", expression: "currentTxn.value < 10", whenTrue: [{ type: "RENEW_TIER", validity: { value: 3, unit: "MONTHS" }, note: "Kept warm" }], whenFalse: [] },
          ],
        }],
      }],
    });
    const ana = await createCustomer(o.orgId);
    await enrolAt(o.orgId, o.programId, ana.id, "Silver");
    const up = await o.sendBill(ana.mobile, 1000, "W-1");
    expect(up.body.tierChanges).toEqual([expect.objectContaining({ slabAction: "UPGRADE", cause: "WORKFLOW", currentSlab: { number: 2, name: "Gold" } })]);
    const before = (await tiersDb.tierOf(o.programId, ana.id))!.tierExpiresAt!;
    const kept = await o.sendBill(ana.mobile, 5, "W-2");
    expect(kept.body.tierChanges).toEqual([expect.objectContaining({ slabAction: "RENEWAL", cause: "WORKFLOW", currentSlab: { number: 2, name: "Gold" } })]);
    const after = (await tiersDb.tierOf(o.programId, ana.id))!.tierExpiresAt!;
    expect(after.getTime()).toBeGreaterThan(before.getTime());
  });
});
