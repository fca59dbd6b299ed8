import { describe, expect, it } from "vitest";
import { POST as V2_REDEEM } from "@/app/api/v2/customers/[id]/redemptions/route";
import { POST as GENERATE } from "@/app/api/v2/otp/generate/route";
import { walletBalance } from "@/lib/testing/engine-factories";
import { createApiClient } from "@/lib/testing/factories";
import { createCustomer } from "@/lib/testing/groups-factories";
import { deliveredCode } from "@/lib/testing/otp";
import { createRedemptionOrg, grant, redemptionDb, setRedemptionStrategy } from "@/lib/testing/redemption-factories";
import { callRoute } from "@/lib/testing/route";
import { GET as IS_REDEEMABLE } from "../isredeemable/route";
import { GET as VALIDATION_CODE } from "../validationcode/route";
import { POST } from "./route";

// The v1.1 redeem's validation_code (SPEC-vendor-api §D.1, §0.12) is the customer's POINTS OTP:
// sent by isredeemable?issue_otp=true, GET /v1.1/points/validationcode or POST /v2/otp/generate
// (action POINTS), good once; a wrong, expired, used or other-purpose code is 808 and nothing moves.

type Answer = { response?: { responses: { points: { balance: number; redemption_id: string } } }; errors?: { code: number; field?: string }[] };
const codeOf = (r: { body: Answer }) => r.body.errors?.[0]?.code;

async function setup() {
  const f = await createRedemptionOrg();
  await setRedemptionStrategy(f.orgId, f.defaultProgram.id);
  const ana = await createCustomer(f.orgId);
  await grant(f.orgId, f.defaultProgram.id, { type: "CUSTOMER", id: ana.id }, 100);
  const redeem = (points: number, validationCode: string | undefined, headers: Record<string, string> = {}, txn = `V11-${points}`) =>
    callRoute(POST, "/v1.1/points/redeem", {
      method: "POST",
      headers: { authorization: f.authorization, "content-type": "application/json", ...headers },
      body: JSON.stringify({ root: { redeem: [{ points_redeemed: points, customer: { mobile: ana.mobile }, transaction_number: txn, ...(validationCode ? { validation_code: validationCode } : {}) }] } }),
    }) as Promise<{ status: number; body: Answer; headers: Headers }>;
  const balance = () => walletBalance(f.orgId, "CUSTOMER", ana.id, f.defaultProgram.id);
  const get = (handler: typeof IS_REDEEMABLE, url: string, authorization = f.authorization) => callRoute(handler, url, { headers: { authorization } });
  return { f, ana, redeem, balance, get };
}

describe("POST /v1.1/points/redeem validation_code", () => {
  it("redeems once with the code isredeemable?issue_otp=true sent; the same code again is 808 and moves nothing", async () => {
    const { f, ana, redeem, balance, get } = await setup();
    const code = await deliveredCode(async () => {
      const checked = await get(IS_REDEEMABLE, `/v1.1/points/isredeemable?points=30&mobile=${ana.mobile}&issue_otp=true`);
      expect(checked.body).toMatchObject({ response: { responses: { points: { redeemable: { is_redeemable: true } } }, warnings: [] } });
    });
    const [otp] = await redemptionDb.otps(f.orgId);
    expect(otp).toMatchObject({ action: "POINTS", customerId: ana.id, entityValue: ana.mobile, closedAt: null });

    const first = await redeem(30, code);
    expect([first.status, first.body.response?.responses.points.balance]).toEqual([200, 70]);
    const again = await redeem(20, code);
    expect([again.status, codeOf(again), again.body.errors?.[0]?.field]).toEqual([422, 808, "root.redeem.0.validation_code"]);
    expect(await balance()).toBe(70);
    expect(await redemptionDb.redemptions(f.orgId)).toHaveLength(1);
    expect(await redemptionDb.verify(f.orgId)).toEqual([]);
  });

  it("refuses a wrong, expired, transfer-purpose or another customer's code with 808, moving nothing", async () => {
    const { f, ana, redeem, balance, get } = await setup();
    const generate = (entityValue: string, action: string) =>
      deliveredCode(() => callRoute(GENERATE, "/v2/otp/generate", { method: "POST", headers: { authorization: f.authorization, "content-type": "application/json" }, body: JSON.stringify({ entityType: "EMAIL", entityValue, action }) }));

    const code = await generate(ana.email, "POINTS");
    const wrong = code === "000000" ? "000001" : "000000";
    expect(codeOf(await redeem(10, wrong))).toBe(808);
    expect((await redemptionDb.otps(f.orgId)).find((o) => o.action === "POINTS")?.attempts).toBe(1);

    const transferCode = await generate(ana.email, "POINTSTRANSFER");
    expect(codeOf(await redeem(10, transferCode))).toBe(808);

    const bob = await createCustomer(f.orgId);
    const bobsCode = await generate(bob.email, "POINTS");
    expect(codeOf(await redeem(10, bobsCode))).toBe(808);

    const fresh = await deliveredCode(() => get(VALIDATION_CODE, `/v1.1/points/validationcode?mobile=${ana.mobile}&points=10`));
    await redemptionDb.expireRedemptionCodes(f.orgId, ana.id);
    const expired = await redeem(10, fresh);
    expect([expired.status, codeOf(expired)]).toEqual([422, 808]);
    expect(await balance()).toBe(100);
    expect(await redemptionDb.redemptions(f.orgId)).toHaveLength(0);
  });

  it("the code of GET /v1.1/points/validationcode redeems; a retry with the same Idempotency-Key replays instead of answering 808", async () => {
    const { ana, redeem, balance, get } = await setup();
    let sent: { status: number; body: unknown } | undefined;
    const code = await deliveredCode(async () => {
      sent = await get(VALIDATION_CODE, `/v1.1/points/validationcode?user_id=${ana.id}&points=40`);
    });
    expect(sent).toMatchObject({ status: 200, body: { response: { validation_code: { code: { user_id: ana.id, mobile: ana.mobile, points: 40, item_status: { code: 800 } } } } } });
    const first = await redeem(40, code, { "idempotency-key": "otp-redeem-1" });
    const retry = await redeem(40, code, { "idempotency-key": "otp-redeem-1" });
    expect([first.status, retry.status, retry.headers.get("idempotent-replayed")]).toEqual([200, 200, "true"]);
    expect(retry.body).toEqual(first.body);
    expect(await balance()).toBe(60);
  });

  it("issue_otp=true needs points:write: a read-only client is refused (403) and nothing is sent", async () => {
    const { f, ana, get } = await setup();
    const reader = await createApiClient(f.orgId, { scopes: ["points:read"] });
    const r = await get(IS_REDEEMABLE, `/v1.1/points/isredeemable?points=30&mobile=${ana.mobile}&issue_otp=true`, reader.authorization);
    expect([r.status, (r.body as Answer).errors?.[0]?.code]).toEqual([403, 403]);
    expect(await redemptionDb.otps(f.orgId)).toEqual([]);
  });

  it("v2's optional validationCode: absent, nothing is checked; sent, it must be the customer's code, used once (808 otherwise)", async () => {
    const { f, ana, balance, get } = await setup();
    const v2 = (body: Record<string, unknown>) =>
      callRoute(V2_REDEEM, `/v2/customers/${ana.id}/redemptions`, { method: "POST", params: { id: String(ana.id) }, headers: { authorization: f.authorization, "content-type": "application/json" }, body: JSON.stringify(body) }) as Promise<{ status: number; body: Answer }>;
    expect((await v2({ points: 10 })).status).toBe(200);
    expect(codeOf(await v2({ points: 10, validationCode: "123456" }))).toBe(808);
    const code = await deliveredCode(() => get(VALIDATION_CODE, `/v1.1/points/validationcode?mobile=${ana.mobile}`));
    expect((await v2({ points: 10, validationCode: code, commit: false })).status).toBe(200);
    expect((await v2({ points: 10, validationCode: code })).status).toBe(200);
    expect(codeOf(await v2({ points: 10, validationCode: code }))).toBe(808);
    expect(await balance()).toBe(80);
  });
});
