import { describe, expect, it } from "vitest";
import { bill, createEngineOrg, createFamily, engineDb, publishLive, walletBalance } from "@/lib/testing/engine-factories";
import { createCustomer } from "@/lib/testing/groups-factories";
import { callRoute } from "@/lib/testing/route";
import { POST } from "./route";

type Bulk = { response: { entityId: number | null; errors: { code: number }[]; result: { sideEffects: unknown[] } | null }[]; totalCount: number; failureCount: number; errors?: { code: number }[] };

const post = (authorization: string, body: unknown, headers: Record<string, string> = {}) =>
  callRoute(POST, "/v2/transactions/bulk", { method: "POST", headers: { authorization, "content-type": "application/json", ...headers }, body: JSON.stringify(body) }) as Promise<{ status: number; body: Bulk }>;

describe("POST /v2/transactions/bulk", () => {
  it("answers each element on its own, counting the failures; good bills earn", async () => {
    const f = await createEngineOrg();
    await publishLive(f.orgId, f.defaultProgram.id);
    const { group, members } = await createFamily(f.orgId, 2);
    const [ana, ben] = members as [(typeof members)[number], (typeof members)[number]];
    const res = await post(f.authorization, [
      { ...bill("BK-1", 100, { extendedFields: { member_card_swiped: "Yes" } }), identifierType: "mobile", identifierValue: ana.mobile, source: "INSTORE" },
      { ...bill("BK-2", 200), identifierType: "id", identifierValue: ben.id, source: "INSTORE" },
      { ...bill("BK-1", 100), identifierType: "mobile", identifierValue: ana.mobile, source: "INSTORE" },
      { ...bill("BK-3", 100), identifierType: "mobile", identifierValue: "0000000000", source: "INSTORE" },
      { billNumber: "BK-4", billAmount: 5, identifierType: "mobile", identifierValue: ana.mobile, source: "INSTORE" },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.totalCount).toBe(5);
    expect(res.body.failureCount).toBe(3);
    expect(res.body.response.map((r) => r.errors.map((e) => e.code))).toEqual([[], [], [604], [8015], [605]]);
    expect(res.body.response[0]!.entityId).toEqual(expect.any(Number));
    expect(await walletBalance(f.orgId, "USERGROUP", group.id, f.defaultProgram.id)).toBe(10);
    expect(await walletBalance(f.orgId, "CUSTOMER", ben.id, f.defaultProgram.id)).toBe(20);
  });

  it("replays the whole answer for a retried key and refuses more than 100 bills (672)", async () => {
    const f = await createEngineOrg({ CONF_DEFAULT_POINTS_ON_TRANSACTION: true });
    const c = await createCustomer(f.orgId);
    const body = [{ ...bill("K-1", 500), identifierType: "mobile", identifierValue: c.mobile, source: "INSTORE" }];
    const first = await post(f.authorization, body, { "Idempotency-Key": "batch-7" });
    const again = await post(f.authorization, body, { "Idempotency-Key": "batch-7" });
    expect(again.body).toEqual(first.body);
    expect(again.body.failureCount).toBe(0);
    expect(await engineDb.countBills({ orgId: f.orgId })).toBe(1);
    const tooMany = await post(f.authorization, Array.from({ length: 101 }, (_, i) => ({ ...bill(`M-${i}`, 1), identifierType: "mobile", identifierValue: c.mobile, source: "INSTORE" })));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors?.[0]?.code).toBe(672);
  });
});
