import { beforeAll, describe, expect, it } from "vitest";
import { POST as ADD_TRANSACTION } from "@/app/api/v2/transactions/route";
import { createCustomersOrg, createTillClient, mobileBody, testMobile } from "@/lib/testing/customers-factories";
import { testDb as db } from "@/lib/testing/db";
import { bill, engineDb, publishLive, walletBalance } from "@/lib/testing/engine-factories";
import { callRoute } from "@/lib/testing/route";
import type { WorkflowDocumentInput } from "@/lib/workflows/schema";
import { PUT as UPDATE } from "./[id]/route";
import { PUT as UPDATE_BY_LOOKUP } from "./lookup/route";
import { POST as REGISTER } from "./route";

// The customer activities through the API (issue 13; SPEC §5.2, seed 003): a registration runs
// CustomerRegistration in the programs the customer was enrolled in, an update runs CustomerUpdate
// in every program of the till that sent it; each program's LIVE workflow awards through the
// ledger in the customer write's own transaction, with provenance. TILL-001 is Trends', TILL-002 Jewel's.

type SideEffect = { type: string; entityType: string; awardedPoints: number; programId: number; ownerId: number; conditionName: string; movementId: number };
type Answer = { createdId: number; warnings: { code: number }[]; sideEffects: SideEffect[]; errors?: { code: number }[] };

/** A LIVE document: each activity gives a fixed number of points to the member's wallet. */
function awards(points: Partial<Record<"CustomerRegistration" | "CustomerUpdate", number>>): WorkflowDocumentInput {
  return {
    activities: Object.entries(points).map(([activity, n]) => ({
      activity: activity as "CustomerRegistration" | "CustomerUpdate",
      rulesets: [
        {
          name: `${activity} bonus`,
          conditions: [
            {
              name: `${activity} ${n}`,
              expression: "true",
              whenTrue: [{ type: "TRANSACTION_POINT_ALLOCATION" as const, userEntity: "INDIVIDUAL" as const, allocation: { type: "FIXED" as const, points: n! }, rounding: "FLOOR" as const, pointsKind: "REGULAR" as const, expiry: { type: "NEVER" as const } }],
              whenFalse: [],
            },
          ],
        },
      ],
    })),
  };
}

let fx: Awaited<ReturnType<typeof createCustomersOrg>>;
let versions: { default: number; trends: number; jewel: number };
let jewelPos: Awaited<ReturnType<typeof createTillClient>>;

beforeAll(async () => {
  fx = await createCustomersOrg();
  versions = {
    default: (await publishLive(fx.org.id, fx.programs.default.id, awards({ CustomerRegistration: 100 }))).id,
    trends: (await publishLive(fx.org.id, fx.programs.trends.id, awards({ CustomerRegistration: 50, CustomerUpdate: 5 }))).id,
    jewel: (await publishLive(fx.org.id, fx.programs.jewel.id, awards({ CustomerRegistration: 999, CustomerUpdate: 7 }))).id,
  };
  jewelPos = await createTillClient(fx.org.id, fx.tills.till2.id, ["customers:read", "customers:write", "transactions:write"]);
});

const json = (authorization: string, headers: Record<string, string> = {}) => ({ authorization, "content-type": "application/json", ...headers });
const register = (body: unknown, authorization = fx.pos.authorization) =>
  callRoute(REGISTER, "/api/v2/customers", { method: "POST", headers: json(authorization), body: JSON.stringify(body) }) as Promise<{ status: number; body: Answer }>;
const update = (id: number, body: unknown, { authorization = fx.pos.authorization, key }: { authorization?: string; key?: string } = {}) =>
  callRoute(UPDATE, `/api/v2/customers/${id}`, { method: "PUT", params: { id: String(id) }, headers: json(authorization, key ? { "idempotency-key": key } : {}), body: JSON.stringify(body) }) as Promise<{ status: number; body: Answer; headers: Headers }>;
const balance = (customerId: number, programId: number) => walletBalance(fx.org.id, "CUSTOMER", customerId, programId);
const movementsOf = (customerId: number) =>
  db.movement.findMany({ where: { orgId: fx.org.id, postings: { some: { account: { ownerType: "CUSTOMER", ownerId: customerId } } } }, orderBy: { id: "asc" } });

describe("customer activities", () => {
  it("a registration runs CustomerRegistration in the programs the customer was enrolled in, in the same transaction, with provenance", async () => {
    const r = await register(mobileBody(testMobile()));
    expect(r.status).toBe(200);
    const id = r.body.createdId;
    expect(r.body.sideEffects.map((s) => [s.programId, s.awardedPoints, s.entityType]).sort()).toEqual(
      [[fx.programs.default.id, 100, "USER"], [fx.programs.trends.id, 50, "USER"]].sort(),
    );
    expect([await balance(id, fx.programs.default.id), await balance(id, fx.programs.trends.id), await balance(id, fx.programs.jewel.id)]).toEqual([100, 50, 0]);
    const moves = await movementsOf(id);
    expect(moves.map((m) => ({ kind: m.kind, sourceType: m.sourceType, programId: m.programId, workflowVersionId: m.workflowVersionId, notes: m.notes, actorType: m.actorType }))).toEqual([
      { kind: "EARN", sourceType: "CUSTOMER_REGISTRATION", programId: fx.programs.default.id, workflowVersionId: versions.default, notes: "CustomerRegistration 100", actorType: "API_CLIENT" },
      { kind: "EARN", sourceType: "CUSTOMER_REGISTRATION", programId: fx.programs.trends.id, workflowVersionId: versions.trends, notes: "CustomerRegistration 50", actorType: "API_CLIENT" },
    ]);
    expect(Number((await engineDb.enrolment(fx.programs.trends.id, id)).lifetimePoints)).toBe(50);
    expect(await engineDb.verify(fx.org.id)).toEqual([]);
  });

  it("writes a pointsIssued webhook per wallet credited, in the same transaction", async () => {
    const subscription = await db.webhookSubscription.create({ data: { orgId: fx.org.id, name: "CRM", url: "https://crm.example.com/hook", signingSecret: "unused-here", events: ["pointsIssued"] } });
    try {
      const id = (await register(mobileBody(testMobile()))).body.createdId;
      const rows = await db.webhookDelivery.findMany({ where: { orgId: fx.org.id, subscriptionId: subscription.id }, orderBy: { id: "asc" } });
      expect(rows.map((d) => d.payload)).toEqual([
        expect.objectContaining({ eventName: "pointsIssued", data: expect.objectContaining({ entityInformation: { entityId: id, entityType: "CUSTOMER" }, loyaltyProgramId: fx.programs.default.id, points: 100, activity: "CustomerRegistration" }) }),
        expect.objectContaining({ eventName: "pointsIssued", data: expect.objectContaining({ entityInformation: { entityId: id, entityType: "CUSTOMER" }, loyaltyProgramId: fx.programs.trends.id, points: 50, activity: "CustomerRegistration" }) }),
      ]);
    } finally {
      await db.webhookSubscription.update({ where: { id: subscription.id }, data: { active: false } });
    }
  });

  it("a refused registration (identifier taken, 8007) awards nothing", async () => {
    const mobile = testMobile();
    await register(mobileBody(mobile));
    const before = await db.movement.count({ where: { orgId: fx.org.id } });
    const again = await register(mobileBody(mobile));
    expect([again.status, again.body.errors?.[0]?.code]).toEqual([409, 8007]);
    expect(await db.movement.count({ where: { orgId: fx.org.id } })).toBe(before);
  });

  it("an update runs CustomerUpdate in every program of the till that sent it, without enrolling; a program with no CustomerUpdate activity awards nothing", async () => {
    const id = (await register(mobileBody(testMobile()))).body.createdId;
    const fromTrends = await update(id, { profiles: [{ firstName: "Renamed", identifiers: [] }] });
    expect(fromTrends.status).toBe(200);
    expect(fromTrends.body.sideEffects.map((s) => [s.programId, s.awardedPoints])).toEqual([[fx.programs.trends.id, 5]]);
    expect(await balance(id, fx.programs.trends.id)).toBe(55);
    expect(await balance(id, fx.programs.default.id)).toBe(100);

    // Seed 003: "Customer update events will pass through all the programs associated with the till".
    const fromJewel = await update(id, { profiles: [{ firstName: "Again", identifiers: [] }] }, { authorization: jewelPos.authorization });
    expect(fromJewel.body.sideEffects.map((s) => [s.programId, s.awardedPoints])).toEqual([[fx.programs.jewel.id, 7]]);
    expect(await balance(id, fx.programs.jewel.id)).toBe(7);
    expect(await db.programEnrollment.count({ where: { programId: fx.programs.jewel.id, customerId: id } })).toBe(0);
    const last = (await movementsOf(id)).at(-1)!;
    expect([last.sourceType, last.workflowVersionId]).toEqual(["CUSTOMER_UPDATE", versions.jewel]);

    // PUT /v2/customers/lookup is the same write.
    const mobile = (await db.customerIdentifier.findFirstOrThrow({ where: { customerId: id, type: "MOBILE" } })).value;
    const byLookup = await callRoute(UPDATE_BY_LOOKUP, `/api/v2/customers/lookup?identifierName=mobile&identifierValue=${mobile}&source=INSTORE`, {
      method: "PUT", headers: json(fx.pos.authorization), body: JSON.stringify({ profiles: [{ lastName: "Looked-up", identifiers: [] }] }),
    });
    expect((byLookup.body as Answer).sideEffects.map((s) => s.awardedPoints)).toEqual([5]);
    expect(await balance(id, fx.programs.trends.id)).toBe(60);
    expect(await engineDb.verify(fx.org.id)).toEqual([]);
  });

  it("an update with an Idempotency-Key awards once: a retry replays, another body with the key is a 409", async () => {
    const id = (await register(mobileBody(testMobile()))).body.createdId;
    const body = { profiles: [{ firstName: "Once", identifiers: [] }] };
    const first = await update(id, body, { key: `upd-${id}` });
    const retry = await update(id, body, { key: `upd-${id}` });
    expect([first.status, retry.status, retry.headers.get("idempotent-replayed")]).toEqual([200, 200, "true"]);
    expect(retry.body).toEqual(first.body);
    expect(await balance(id, fx.programs.trends.id)).toBe(55);
    const other = await update(id, { profiles: [{ firstName: "Twice", identifiers: [] }] }, { key: `upd-${id}` });
    expect(other.status).toBe(409);
    expect(await balance(id, fx.programs.trends.id)).toBe(55);
  });

  it("a first transaction in a program the customer is not enrolled in enrols them there", async () => {
    const id = (await register(mobileBody(testMobile()))).body.createdId;
    expect(await db.programEnrollment.count({ where: { programId: fx.programs.jewel.id, customerId: id } })).toBe(0);
    const r = await callRoute(ADD_TRANSACTION, `/api/v2/transactions?source=INSTORE&identifierName=id&identifierValue=${id}`, {
      method: "POST", headers: json(jewelPos.authorization), body: JSON.stringify(bill(`JWL-${id}`, 1200)),
    });
    expect(r.status).toBe(200);
    const enrolment = await engineDb.enrolment(fx.programs.jewel.id, id);
    expect([Number(enrolment.lifetimePurchases), enrolment.visits]).toEqual([1200, 1]);
  });
});
