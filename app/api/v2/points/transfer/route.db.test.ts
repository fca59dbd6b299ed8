import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { caller, codes } from "@/app/api/v2/userGroup2/api-test-helpers";
import { createCustomer, setOrgConfig } from "@/lib/testing/groups-factories";
import { deliveredCode } from "@/lib/testing/otp";
import { callRoute } from "@/lib/testing/route";
import { award, balanceOf, createTransfersOrg, transfersDb } from "@/lib/testing/transfers-factories";
import { POST as GENERATE } from "../../otp/generate/route";
import { POST as VALIDATE } from "../../otp/validate/route";
import { POST as CHECK } from "../isTransferrable/route";
import { POST } from "./route";

// Customer-to-customer transfers (SPEC §2.2, SPEC-vendor-api §D.3, §D.4) with the sender's OTP:
// issued by isTransferrable or /v2/otp/generate, delivered through the outbox (the log, here),
// stored hashed, used once, a few tries, expiring; waived only for trusted clients where the org
// allows it. groupProgramTransfer draws across programs and lands in the default program.

let orgId: number;
let programId: number;
let authorization: string;
let clientId: number;
let call: ReturnType<typeof caller>;

beforeAll(async () => {
  const setup = await createTransfersOrg();
  ({ orgId, authorization } = setup);
  programId = setup.defaultProgram.id;
  clientId = setup.client.id;
  call = caller(authorization);
});
afterEach(() => vi.restoreAllMocks());

const ids = (id: number) => ({ type: "ID", value: String(id) });
const cust = (id: number) => ({ type: "CUSTOMER" as const, id });
const send = (body: unknown, key?: string) =>
  callRoute(POST, "/api/v2/points/transfer", { method: "POST", headers: { authorization, "content-type": "application/json", ...(key ? { "idempotency-key": key } : {}) }, body: JSON.stringify(body) });

async function pair(points = 100) {
  const [a, b] = [await createCustomer(orgId), await createCustomer(orgId)];
  if (points > 0) await award(orgId, programId, cust(a.id), points);
  return { a, b };
}

describe("POST /v2/points/isTransferrable and /v2/points/transfer", () => {
  it("issues the sender a code, which then authorises the transfer once", async () => {
    const { a, b } = await pair();
    const body = { pointsTobeTransferred: 40, fromCustomerIdentifier: { type: "MOBILE", value: a.mobile }, toCustomerIdentifier: ids(b.id), notes: "gift" };
    let checked: Awaited<ReturnType<typeof call>> | undefined;
    const code = await deliveredCode(async () => {
      checked = await call(CHECK, "POST", "/api/v2/points/isTransferrable", { ...body, issueOtp: true });
    });
    expect(checked!.status).toBe(200);
    expect(checked!.body).toMatchObject({ data: [{ pointsTobeTransferred: 40, transferrable: true, transferFrom: { id: a.id }, transferTo: { id: b.id } }], errors: [] });
    const [otp] = await transfersDb.otps(orgId);
    expect(otp).toMatchObject({ action: "POINTSTRANSFER", customerId: a.id, entityValue: a.mobile, attempts: 0, closedAt: null });
    expect(otp!.codeHash).not.toContain(code);
    const outbox = await transfersDb.outbox(orgId);
    expect(outbox.at(-1)).toMatchObject({ status: "DELIVERED", channel: "SMS", recipient: a.mobile, body: "" });

    const res = await send({ ...body, code });
    expect(res.status).toBe(200);
    expect((res.body as { data: unknown[] }).data[0]).toMatchObject({
      pointsTransferred: 40, transferType: "DEDUCTION", notes: "gift",
      transferredFrom: { userId: a.id }, transferredTo: { userId: b.id },
      pointsTransferBreakupByEarningPrograms: [{ programId, deductedPoints: 40, programCurrentPoints: 60 }],
    });
    expect(await balanceOf(orgId, cust(b.id), programId)).toBe(40);
    const again = await send({ ...body, code });
    expect([again.status, codes(again.body)]).toEqual([422, [808]]);
    expect(await balanceOf(orgId, cust(a.id), programId)).toBe(60);
  });

  it("refuses a missing, wrong, exhausted or expired code with 808", async () => {
    const { a, b } = await pair();
    const body = { pointsTobeTransferred: 10, fromCustomerIdentifier: ids(a.id), toCustomerIdentifier: ids(b.id) };
    const missing = await send(body);
    expect([missing.status, codes(missing.body)]).toEqual([422, [808]]);
    const code = await deliveredCode(() => call(GENERATE, "POST", "/api/v2/otp/generate", { entityType: "EMAIL", entityValue: a.email, action: "POINTSTRANSFER" }));
    const wrong = code === "000000" ? "000001" : "000000";
    const first = await send({ ...body, code: wrong });
    expect((first.body as { errors: { message: string }[] }).errors[0]!.message).toMatch(/4 tries left/);
    for (let i = 0; i < 4; i++) await send({ ...body, code: wrong });
    const exhausted = await send({ ...body, code });
    expect([exhausted.status, codes(exhausted.body)]).toEqual([422, [808]]);
    expect((exhausted.body as { errors: { message: string }[] }).errors[0]!.message).toMatch(/Too many wrong tries/);
    const fresh = await deliveredCode(() => call(GENERATE, "POST", "/api/v2/otp/generate", { entityType: "EMAIL", entityValue: a.email, action: "POINTSTRANSFER" }));
    await transfersDb.expireOtps(orgId);
    const expired = await send({ ...body, code: fresh });
    expect((expired.body as { errors: { message: string }[] }).errors[0]!.message).toMatch(/expired/);
    expect(await balanceOf(orgId, cust(a.id), programId)).toBe(100);
  });

  it("validates a generated code without using it up", async () => {
    const { a, b } = await pair();
    const code = await deliveredCode(() => call(GENERATE, "POST", "/api/v2/otp/generate", { entityType: "MOBILE", entityValue: a.mobile, action: "POINTSTRANSFER", channels: ["SMS"] }));
    const good = await call(VALIDATE, "POST", "/api/v2/otp/validate", { entityType: "MOBILE", entityValue: a.mobile, action: "POINTSTRANSFER", code });
    expect(good.body).toEqual({ entity: true, warnings: [], errors: [] });
    const bad = await call(VALIDATE, "POST", "/api/v2/otp/validate", { entityType: "MOBILE", entityValue: a.mobile, action: "POINTSTRANSFER", code: "12" });
    expect(bad.body).toMatchObject({ entity: false, errors: [{ code: 808 }] });
    const badBody = await call(VALIDATE, "POST", "/api/v2/otp/validate", { entityType: "FAX", entityValue: a.mobile, action: "POINTSTRANSFER", code });
    expect(badBody.status).toBe(400);
    expect((await send({ pointsTobeTransferred: 5, fromCustomerIdentifier: ids(a.id), toCustomerIdentifier: ids(b.id), code })).status).toBe(200);
  });

  it("waives the code only for a client an admin trusts, in an org that allows it", async () => {
    const { a, b } = await pair();
    const body = { pointsTobeTransferred: 10, fromCustomerIdentifier: ids(a.id), toCustomerIdentifier: ids(b.id) };
    await transfersDb.trust(clientId, true);
    expect(codes((await send(body)).body)).toEqual([808]);
    await setOrgConfig(orgId, "POINTS_TRANSFER_OTP_WAIVED_FOR_TRUSTED_CLIENTS", true);
    expect((await send(body)).status).toBe(200);
    await transfersDb.trust(clientId, false);
    expect(codes((await send(body)).body)).toEqual([808]);
    await setOrgConfig(orgId, "POINTS_TRANSFER_OTP_WAIVED_FOR_TRUSTED_CLIENTS", false);
    expect(await balanceOf(orgId, cust(b.id), programId)).toBe(10);
  });

  it("draws a groupProgramTransfer from every program, first-expiring first, into the recipient's default program", async () => {
    const { a, b } = await pair(0);
    const brand = await transfersDb.program(orgId, `Brand ${a.id}`);
    await award(orgId, brand.id, cust(a.id), 30, { expiresAt: new Date("2027-01-10T00:00:00Z") });
    await award(orgId, programId, cust(a.id), 30, { expiresAt: new Date("2027-05-10T00:00:00Z") });
    await transfersDb.trust(clientId, true);
    await setOrgConfig(orgId, "POINTS_TRANSFER_OTP_WAIVED_FOR_TRUSTED_CLIENTS", true);
    const body = { pointsTobeTransferred: 45, programId: brand.id, fromCustomerIdentifier: ids(a.id), toCustomerIdentifier: ids(b.id), groupProgramTransfer: true };
    const off = await send(body);
    expect([off.status, codes(off.body)]).toEqual([422, [3316]]);
    await setOrgConfig(orgId, "ENABLE_GROUP_PROGRAMS_REDEMPTION", true);
    const res = await send(body);
    expect(res.status).toBe(200);
    const breakup = (res.body as { data: { pointsTransferBreakupByEarningPrograms: unknown[] }[] }).data[0]!.pointsTransferBreakupByEarningPrograms;
    expect(breakup).toEqual(expect.arrayContaining([{ programId: brand.id, deductedPoints: 30, programCurrentPoints: 0 }, { programId, deductedPoints: 15, programCurrentPoints: 15 }]));
    expect(await balanceOf(orgId, cust(b.id), programId)).toBe(45);
    expect(await balanceOf(orgId, cust(b.id), brand.id)).toBe(0);
    await transfersDb.trust(clientId, false);
    await setOrgConfig(orgId, "POINTS_TRANSFER_OTP_WAIVED_FOR_TRUSTED_CLIENTS", false);
    await setOrgConfig(orgId, "ENABLE_GROUP_PROGRAMS_REDEMPTION", false);
  });

  it("answers each refusal with the vendor's code and moves nothing", async () => {
    const { a, b } = await pair(20);
    const closed = await transfersDb.program(orgId, `Closed ${a.id}`);
    await transfersDb.allowTransfers(closed.id, false);
    const ok = { pointsTobeTransferred: 5, fromCustomerIdentifier: ids(a.id), toCustomerIdentifier: ids(b.id), code: "123456" };
    const cases: [unknown, number, number][] = [
      [{ ...ok, pointsTobeTransferred: undefined }, 400, 422],
      [{ ...ok, pointsTobeTransferred: 2.5 }, 400, 807],
      [{ ...ok, programId: -1 }, 400, 885],
      [{ ...ok, programId: 2_000_000_000 }, 422, 885],
      [{ ...ok, programId: closed.id }, 422, 817],
      [{ ...ok, fromCustomerIdentifier: { type: "PASSPORT", value: "1" } }, 400, 8013],
      [{ ...ok, toCustomerIdentifier: { type: "ID" } }, 400, 8015],
      [{ ...ok, toCustomerIdentifier: ids(999_999_999) }, 404, 8015],
      [{ ...ok, toCustomerIdentifier: ids(a.id) }, 422, 418],
    ];
    for (const [body, status, code] of cases) {
      const res = await send(body);
      expect([JSON.stringify(body), res.status, codes(res.body)[0]]).toEqual([JSON.stringify(body), status, code]);
    }
    const short = await call(CHECK, "POST", "/api/v2/points/isTransferrable", { ...ok, pointsTobeTransferred: 21, issueOtp: true });
    expect(short.body).toMatchObject({ data: [{ transferrable: false }], errors: [{ code: 818 }] });
    expect(await transfersDb.otps(orgId).then((o) => o.filter((x) => x.customerId === a.id))).toEqual([]);
    await transfersDb.trust(clientId, true);
    await setOrgConfig(orgId, "POINTS_TRANSFER_OTP_WAIVED_FOR_TRUSTED_CLIENTS", true);
    const tooMuch = await send({ ...ok, pointsTobeTransferred: 21 });
    expect([tooMuch.status, codes(tooMuch.body)]).toEqual([409, [818]]);
    const first = await send(ok, "c2c-key");
    const replay = await send(ok, "c2c-key");
    expect([first.status, replay.status, replay.headers.get("Idempotent-Replayed")]).toEqual([200, 200, "true"]);
    expect(await balanceOf(orgId, cust(a.id), programId)).toBe(15);
    await transfersDb.trust(clientId, false);
    await setOrgConfig(orgId, "POINTS_TRANSFER_OTP_WAIVED_FOR_TRUSTED_CLIENTS", false);
    expect(await transfersDb.verify(orgId)).toEqual([]);
  });
});
