import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as ping } from "@/app/api/v2/ping/route";
import { POST as redeem } from "@/app/api/v2/customers/[id]/redemptions/route";
import { POST as addTransaction } from "@/app/api/v2/transactions/route";
import { bill, createEngineOrg, createFamily, publishLive } from "@/lib/testing/engine-factories";
import { createApiClient } from "@/lib/testing/factories";
import { createCustomer } from "@/lib/testing/groups-factories";
import { grant, setRedemptionStrategy } from "@/lib/testing/redemption-factories";
import { callRoute } from "@/lib/testing/route";

// The hot paths' database round trips (issues 11 and 13), counted at the driver: every statement
// the app's pool sends, BEGIN and COMMIT included. Each request is sent twice and the second one
// counted, so the org's setup is cached as it is under load. The bench's API client also has a
// rate limit, one statement more on each line.

type Query = (...args: unknown[]) => unknown;
const sent: string[] = [];
let counting = false;
const original = pg.Client.prototype.query as Query;

beforeAll(() => {
  (pg.Client.prototype as { query: Query }).query = function (this: unknown, ...args: unknown[]) {
    const q = args[0] as string | { text?: string };
    if (counting) sent.push(typeof q === "string" ? q : (q.text ?? ""));
    return original.apply(this, args);
  };
});
afterAll(() => {
  (pg.Client.prototype as { query: Query }).query = original;
});

async function statementsOf(run: () => Promise<{ status: number }>): Promise<{ status: number; statements: string[] }> {
  expect((await run()).status).toBe(200);
  sent.length = 0;
  counting = true;
  try {
    const r = await run();
    return { status: r.status, statements: sent.map((s) => s.trim().split(/\s+/).slice(0, 2).join(" ")) };
  } finally {
    counting = false;
  }
}

describe("round trips per request on the hot paths", () => {
  let h: Record<string, string>;
  let loner: { mobile: string };
  let family: Awaited<ReturnType<typeof createFamily>>;
  let n = 0;

  beforeAll(async () => {
    const f = await createEngineOrg();
    await publishLive(f.orgId, f.defaultProgram.id);
    const api = await createApiClient(f.orgId, { scopes: ["transactions:write", "points:read", "points:write"] });
    family = await createFamily(f.orgId, 3);
    loner = await createCustomer(f.orgId);
    await setRedemptionStrategy(f.orgId, f.defaultProgram.id);
    await grant(f.orgId, f.defaultProgram.id, { type: "USERGROUP", id: family.group.id }, 1000);
    h = { authorization: api.authorization, "content-type": "application/json" };
  });

  it("the authenticated no-op: one statement (the API client, its till and the org's setup version)", async () => {
    const r = await statementsOf(() => callRoute(ping, "/v2/ping", { headers: h }));
    expect(r.statements).toEqual(["SELECT c.id,"]);
  });

  it("a bill: the API client, the member's state, and the writes in one call of bill_commit", async () => {
    for (const [mobile, swiped] of [[loner.mobile, "No"], [family.members[1]!.mobile, "Yes"]] as const) {
      const r = await statementsOf(() =>
        callRoute(addTransaction, `/v2/transactions?source=INSTORE&identifierName=mobile&identifierValue=${mobile}`, {
          method: "POST", headers: h, body: JSON.stringify(bill(`RT-${n++}`, 250, { extendedFields: { member_card_swiped: swiped } })),
        }),
      );
      expect(r.statements).toEqual(["SELECT c.id,", "WITH c", "SELECT bill_commit($1::jsonb)"]);
    }
  });

  it("a redemption from a group wallet: the API client, the member's state, and one call of redemption_commit", async () => {
    const primary = family.members[0]!;
    const r = await statementsOf(() =>
      callRoute(redeem, `/v2/customers/${primary.id}/redemptions`, {
        method: "POST", params: { id: String(primary.id) }, headers: h,
        body: JSON.stringify({ points: 10, userGroup2Id: family.group.id, transactionNumber: `RT-${n++}` }),
      }),
    );
    expect(r.statements).toEqual(["SELECT c.id,", "WITH g", "SELECT redemption_commit($1::jsonb)"]);
  });
});
