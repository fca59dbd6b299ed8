import { describe, expect, it } from "vitest";
import { bill, createEngineOrg, createFamily, engineDb, publishLive } from "@/lib/testing/engine-factories";
import { mobileBody, registerTestCustomer, testMobile } from "@/lib/testing/customers-factories";
import { callRoute } from "@/lib/testing/route";
import { GET as customerPoints } from "../customers/[id]/points/route";
import { GET as expirySchedule } from "../customers/[id]/pointsExpirySchedule/route";
import { GET as loyaltyDetails } from "../customers/[id]/loyaltyDetails/route";
import { GET as balance } from "../customers/points/balance/route";
import { POST as addTransaction } from "../transactions/route";
import { GET as groupPoints } from "../userGroup2/[groupId]/points/route";
import { GET as ledgerBalance } from "./getCustomerLedgerBalance/route";
import { GET as ledgerInfo } from "./getCustomerLedgerInfo/route";

// The points reads after a few bills: a member of a family earns to her wallet and to the group's.
async function story() {
  const f = await createEngineOrg();
  await publishLive(f.orgId, f.defaultProgram.id);
  const { group, members } = await createFamily(f.orgId, 2);
  const ana = members[0]!;
  const send = (body: unknown) =>
    callRoute(addTransaction, `/v2/transactions?source=INSTORE&identifierName=mobile&identifierValue=${ana.mobile}`, { method: "POST", headers: { authorization: f.authorization }, body: JSON.stringify(body) });
  await send(bill("S-1", 1000, { billingDate: new Date().toISOString() }));
  await send(bill("S-2", 500, { billingDate: new Date().toISOString(), extendedFields: { member_card_swiped: "Yes" } }));
  await send({ type: "RETURN", returnType: "AMOUNT", billNumber: "S-1", billAmount: 200 });
  const get = (handler: typeof balance, url: string, params: Record<string, string> = {}) =>
    callRoute(handler, url, { headers: { authorization: f.authorization }, params }) as Promise<{ status: number; body: Record<string, unknown> & { errors?: { code: number }[] } }>;
  return { f, group, ana, get };
}

describe("points reads", () => {
  it("shows the member's wallet per program and her default group's apart (ours)", async () => {
    const { f, group, ana, get } = await story();
    const mine = await get(customerPoints, `/v2/customers/${ana.id}/points`, { id: String(ana.id) });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      customerId: ana.id,
      programs: [{ programId: f.defaultProgram.id, isDefault: true, current: "80", lifetime: "80", promotional: "0", expirySchedule: [{ points: "80", kind: "REGULAR", expiresOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }] }],
      group: { groupId: group.id, programs: [{ programId: f.defaultProgram.id, current: "50" }] },
    });
    const theirs = await get(groupPoints, `/v2/userGroup2/${group.id}/points`, { groupId: String(group.id) });
    expect(theirs.body).toMatchObject({ groupId: group.id, programs: [{ current: "50", lifetime: "50" }] });
    const other = await createEngineOrg();
    const hidden = await callRoute(customerPoints, `/v2/customers/${ana.id}/points`, { headers: { authorization: other.authorization }, params: { id: String(ana.id) } });
    expect(hidden.status).toBe(404);
  });

  it("answers the vendor's balance for the customer, and for FLEET the default group", async () => {
    const { f, ana, group, get } = await story();
    const q = `identifierName=mobile&identifierValue=${ana.mobile}&source=INSTORE`;
    expect((await get(balance, `/v2/customers/points/balance?${q}`)).body).toMatchObject({ entityId: ana.id, entityType: "CUSTOMER", programId: f.defaultProgram.id, totalPoints: 80, mainPoints: 80, promisedPoints: 0 });
    expect((await get(balance, `/v2/customers/points/balance?${q}&entityType=FLEET`)).body).toMatchObject({ entityId: group.id, entityType: "FLEET", totalPoints: 50 });
    expect((await get(balance, `/v2/customers/points/balance?${q}&programId=999999`)).body.errors?.[0]?.code).toBe(1213);
    // A customer in no group has no fleet wallet to read: the vendor's 1647, not an empty balance.
    const lonerMobile = testMobile();
    await registerTestCustomer(f.orgId, mobileBody(lonerMobile));
    const fleetless = await get(balance, `/v2/customers/points/balance?identifierName=mobile&identifierValue=${lonerMobile}&source=INSTORE&entityType=FLEET`);
    expect(fleetless.status).toBe(404);
    expect(fleetless.body.errors?.[0]).toMatchObject({ code: 1647, message: "Default Fleet group not set for the user." });
  });

  it("lists the expiry schedule, loyalty details and the points ledger", async () => {
    const { f, ana, get } = await story();
    const schedule = await get(expirySchedule, `/v2/customers/${ana.id}/pointsExpirySchedule`, { id: String(ana.id) });
    expect(schedule.body).toMatchObject({ id: ana.id, expirySchedules: [{ points: 80, programId: f.defaultProgram.id, pointsType: "bill_regular" }] });
    const details = await get(loyaltyDetails, `/v2/customers/${ana.id}/loyaltyDetails`, { id: String(ana.id) });
    expect(details.body.data).toEqual([expect.objectContaining({ programId: f.defaultProgram.id, loyaltyPoints: 80, lifetimePoints: 80, returned: 20, redeemed: 0, cumulativePurchases: 1300 })]);
    const q = `identifierName=mobile&identifierValue=${ana.mobile}&source=INSTORE`;
    const info = await get(ledgerInfo, `/v2/pointsLedger/getCustomerLedgerInfo?${q}`);
    const entries = info.body.ledgerEntries as { eventName: string; netPointsOnEvent: number; transactionDetails: { transactionNumber: string } }[];
    expect(entries.map((e) => [e.eventName, e.netPointsOnEvent, e.transactionDetails.transactionNumber])).toEqual([["ReturnBill", -20, "S-1"], ["TransactionAdd", 100, "S-1"]]);
    const closing = await get(ledgerBalance, `/v2/pointsLedger/getCustomerLedgerBalance?${q}`);
    expect(closing.body.ledgerDetails).toMatchObject({ ledgerClosingBalance: [{ programId: f.defaultProgram.id, closingBalance: 80, pointsCategory: "Main" }] });
    expect(await engineDb.verify(f.orgId)).toEqual([]);
  });
});
