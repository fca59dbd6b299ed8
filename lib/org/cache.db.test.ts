import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { callRoute } from "@/lib/testing/route";
import { bill, createEngineOrg, publishLive, walletBalance } from "@/lib/testing/engine-factories";
import { createCustomer, setOrgConfig } from "@/lib/testing/groups-factories";
import { addTiers } from "@/lib/testing/tiers-factories";
import type { WorkflowDocumentInput } from "@/lib/workflows/schema";
import { POST } from "@/app/api/v2/transactions/route";

// The API caches each org's setup per app instance, keyed by the org's cacheVersion, which the
// database bumps on every change to that setup (lib/org/cache.ts). These tests hold the two halves:
// what bumps it (and what must not, or every bill would empty the cache), and that a change is in
// force at the very next request.

async function versionOf(orgId: number): Promise<bigint> {
  return (await db.org.findUniqueOrThrow({ where: { id: orgId }, select: { cacheVersion: true } })).cacheVersion;
}

function earnPercent(percent: number): WorkflowDocumentInput {
  return {
    activities: [{ activity: "TransactionAdd", rulesets: [{ name: "Earn", conditions: [{ name: `Earn ${percent}%`, expression: "true", whenTrue: [{ type: "TRANSACTION_POINT_ALLOCATION", userEntity: "INDIVIDUAL", allocation: { type: "PRORATED", percent }, rounding: "FLOOR", pointsKind: "REGULAR", expiry: { type: "NEVER" } }], whenFalse: [] }] }] }],
  };
}

describe("the org's setup version", () => {
  it("moves with every change to configs, programs, tiers, workflows and webhooks, and not with a member's bill", async () => {
    const f = await createEngineOrg();
    const steps: [string, () => Promise<unknown>][] = [
      ["a config", () => setOrgConfig(f.orgId, "ROLLING_EXPIRY_INCLUDE_ZERO_POINTS", true)],
      ["a program", () => db.program.create({ data: { orgId: f.orgId, name: "Brand", active: true } })],
      ["tiers", () => addTiers(f.orgId, f.defaultProgram.id)],
      ["a workflow publish", () => publishLive(f.orgId, f.defaultProgram.id, earnPercent(10))],
      ["a webhook subscription", () => db.webhookSubscription.create({ data: { orgId: f.orgId, url: "https://example.com/hook", events: ["pointsIssued"], signingSecret: "x" } })],
    ];
    for (const [what, change] of steps) {
      const before = await versionOf(f.orgId);
      await change();
      expect(await versionOf(f.orgId), what).toBeGreaterThan(before);
    }

    const ana = await createCustomer(f.orgId);
    const before = await versionOf(f.orgId);
    const res = await callRoute(POST, `/v2/transactions?source=INSTORE&identifierName=mobile&identifierValue=${ana.mobile}`, {
      method: "POST", headers: { authorization: f.authorization, "content-type": "application/json" }, body: JSON.stringify(bill("V-1", 500)),
    });
    expect(res.status).toBe(200);
    expect(await versionOf(f.orgId)).toBe(before);
  });

  it("a newly published workflow and a newly declared field are in force at the next request", async () => {
    const f = await createEngineOrg();
    await publishLive(f.orgId, f.defaultProgram.id, earnPercent(10));
    const ana = await createCustomer(f.orgId);
    const post = (billNumber: string) =>
      callRoute(POST, `/v2/transactions?source=INSTORE&identifierName=mobile&identifierValue=${ana.mobile}`, {
        method: "POST", headers: { authorization: f.authorization, "content-type": "application/json" }, body: JSON.stringify(bill(billNumber, 500)),
      });

    expect((await post("C-1")).status).toBe(200);
    expect(await walletBalance(f.orgId, "CUSTOMER", ana.id, f.defaultProgram.id)).toBe(50);

    await publishLive(f.orgId, f.defaultProgram.id, earnPercent(20));
    expect((await post("C-2")).status).toBe(200);
    expect(await walletBalance(f.orgId, "CUSTOMER", ana.id, f.defaultProgram.id)).toBe(150);

    // A transaction extended field declared after the first bills is accepted at once.
    const unknownField = { ...bill("C-3", 100), extendedFields: { gift_wrap: "yes" } };
    const refused = await callRoute(POST, `/v2/transactions?source=INSTORE&identifierName=mobile&identifierValue=${ana.mobile}`, {
      method: "POST", headers: { authorization: f.authorization, "content-type": "application/json" }, body: JSON.stringify(unknownField),
    });
    expect(refused.status).toBe(400);
    await db.extendedFieldDef.create({ data: { orgId: f.orgId, scope: "TRANSACTION", name: "gift_wrap", type: "STRING" } });
    const accepted = await callRoute(POST, `/v2/transactions?source=INSTORE&identifierName=mobile&identifierValue=${ana.mobile}`, {
      method: "POST", headers: { authorization: f.authorization, "content-type": "application/json" }, body: JSON.stringify(unknownField),
    });
    expect(accepted.status).toBe(200);
  });
});
