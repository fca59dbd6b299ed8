import { describe, expect, it } from "vitest";
import { POST as REDEEM } from "@/app/api/v2/customers/[id]/redemptions/route";
import { walletBalance } from "@/lib/testing/engine-factories";
import { createCustomer, setOrgConfig } from "@/lib/testing/groups-factories";
import { createRedemptionOrg, grant, redemptionDb, setRedemptionStrategy } from "@/lib/testing/redemption-factories";
import { callRoute } from "@/lib/testing/route";
import { POST } from "./route";

type Body = { redemptionId?: string; pointsReversed?: number; customerId?: number; reversalId?: number; errors?: { code: number; message: string }[] };

const json = (authorization: string) => ({ authorization, "content-type": "application/json" });

const REVERSAL_ON = { Allow_points_redemption_reversal: true };

async function setup(configs: Record<string, unknown> = REVERSAL_ON) {
  const f = await createRedemptionOrg(configs);
  await setRedemptionStrategy(f.orgId, f.defaultProgram.id);
  const ana = await createCustomer(f.orgId);
  await grant(f.orgId, f.defaultProgram.id, { type: "CUSTOMER", id: ana.id }, 200);
  const redeemed = await callRoute(REDEEM, `/v2/customers/${ana.id}/redemptions`, {
    method: "POST", params: { id: String(ana.id) }, headers: json(f.authorization), body: JSON.stringify({ points: 80 }),
  });
  const redemptionId = (redeemed.body as { redemptionId: string }).redemptionId;
  return { f, ana, redemptionId };
}

function reverse(authorization: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return callRoute(POST, "/v2/points/reverse", { method: "POST", headers: { ...json(authorization), ...headers }, body: JSON.stringify(body) }) as Promise<{ status: number; body: Body; headers: Headers }>;
}

describe("POST /v2/points/reverse", () => {
  it("reverses a redemption once: the points come back, and a second reversal gets 3802", async () => {
    const { f, ana, redemptionId } = await setup();
    expect(await walletBalance(f.orgId, "CUSTOMER", ana.id, f.defaultProgram.id)).toBe(120);
    const first = await reverse(f.authorization, { redemptionId, identifier: { type: "mobile", value: ana.mobile }, pointsToBeReversed: 80 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ redemptionId, pointsReversed: 80, customerId: ana.id });
    expect(await walletBalance(f.orgId, "CUSTOMER", ana.id, f.defaultProgram.id)).toBe(200);

    const second = await reverse(f.authorization, { redemptionId, identifier: { type: "mobile", value: ana.mobile } });
    expect([second.status, second.body.errors?.[0]?.code]).toEqual([409, 3802]);
    expect(second.body.errors?.[0]?.message).toBe("Points reversal redeemed points already reversed.");
    expect(await walletBalance(f.orgId, "CUSTOMER", ana.id, f.defaultProgram.id)).toBe(200);
    expect((await redemptionDb.redemptions(f.orgId))[0]?.reversedAt).not.toBeNull();
    expect(await redemptionDb.verify(f.orgId)).toEqual([]);
  });

  it("replays an Idempotency-Key instead of answering 3802", async () => {
    const { f, ana, redemptionId } = await setup();
    const body = { redemptionId, identifier: { type: "email", value: ana.email } };
    const first = await reverse(f.authorization, body, { "idempotency-key": "rev-1" });
    const again = await reverse(f.authorization, body, { "idempotency-key": "rev-1" });
    expect([first.status, again.status, again.headers.get("idempotent-replayed")]).toEqual([200, 200, "true"]);
  });

  it("answers 901 for a malformed id, 902 for an unknown one, 904 for another customer, 810 for other points", async () => {
    const { f, ana, redemptionId } = await setup();
    const other = await createCustomer(f.orgId);
    const codeOf = async (body: Record<string, unknown>) => (await reverse(f.authorization, body)).body.errors?.[0]?.code;
    expect(await codeOf({ redemptionId: "r0njPT", identifier: { type: "mobile", value: ana.mobile } })).toBe(901);
    expect(await codeOf({ redemptionId: "2000000000", identifier: { type: "mobile", value: ana.mobile } })).toBe(902);
    expect(await codeOf({ redemptionId, identifier: { type: "mobile", value: other.mobile } })).toBe(904);
    expect(await codeOf({ redemptionId, identifier: { type: "mobile", value: ana.mobile }, pointsToBeReversed: 10 })).toBe(810);
    expect((await reverse(f.authorization, { redemptionId, identifier: { type: "card", value: "1" } })).status).toBe(400);
    // Another org's client cannot see the redemption.
    const stranger = await createRedemptionOrg(REVERSAL_ON);
    expect((await reverse(stranger.authorization, { redemptionId, identifier: { type: "mobile", value: ana.mobile } })).body.errors?.[0]?.code).toBe(902);
    expect(await walletBalance(f.orgId, "CUSTOMER", ana.id, f.defaultProgram.id)).toBe(120);
  });

  it("is refused with 905 while the org's Allow_points_redemption_reversal is off (the default), and nothing moves", async () => {
    const { f, ana, redemptionId } = await setup({});
    const body = { redemptionId, identifier: { type: "mobile", value: ana.mobile } };
    const off = await reverse(f.authorization, body);
    expect([off.status, off.body.errors?.[0]?.code]).toEqual([403, 905]);
    expect(off.body.errors?.[0]?.message).toMatch(/^points redemption reversal is disabled for the org\./);
    expect(await walletBalance(f.orgId, "CUSTOMER", ana.id, f.defaultProgram.id)).toBe(120);
    expect((await redemptionDb.redemptions(f.orgId))[0]?.reversedAt).toBeNull();

    await setOrgConfig(f.orgId, "Allow_points_redemption_reversal", true);
    expect((await reverse(f.authorization, body)).status).toBe(200);
    expect(await walletBalance(f.orgId, "CUSTOMER", ana.id, f.defaultProgram.id)).toBe(200);
  });
});
