import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { testDb as db } from "@/lib/testing/db";
import { earn } from "@/lib/ledger/post";
import { callRoute } from "@/lib/testing/route";
import { bill, createEngineOrg, createFamily, engineDb, publishLive } from "@/lib/testing/engine-factories";
import { createCustomer, setOrgConfig } from "@/lib/testing/groups-factories";
import { sweepExpiredPoints } from "@/lib/expiry/sweep";
import type { WorkflowDocumentInput } from "@/lib/workflows/schema";
import { POST } from "./route";

// Rolling expiry through the transaction API (issue 11, SPEC §8): a purchase pushes the expiry of
// the member's rolling lots; fixed lots keep theirs; Single Rolling Expiry rolls across programs
// by the org's period; with fleet group loyalty the group wallet rolls with its members.

const prov = { actor: SYSTEM_ACTOR, sourceType: "TEST" };

function post(authorization: string, mobile: string, body: unknown) {
  return callRoute(POST, `/v2/transactions?source=INSTORE&identifierName=mobile&identifierValue=${mobile}`, {
    method: "POST", headers: { authorization, "content-type": "application/json" }, body: JSON.stringify(body),
  }) as Promise<{ status: number; body: unknown }>;
}

/** 10% of the bill to the member's wallet (or the group's), expiring 3 months after the event, rolling. */
function rolling(userEntity: "INDIVIDUAL" | "USER_GROUP" = "INDIVIDUAL"): WorkflowDocumentInput {
  return {
    activities: [{ activity: "TransactionAdd", rulesets: [{ name: "Earn", conditions: [{ name: "Rolling earn", expression: "true", whenTrue: [{ type: "TRANSACTION_POINT_ALLOCATION", userEntity, allocation: { type: "PRORATED", percent: 10 }, rounding: "FLOOR", pointsKind: "REGULAR", expiry: { type: "ROLLING", value: 3, unit: "MONTHS" } }], whenFalse: [] }] }] }],
  };
}

async function lots(orgId: number, ownerType: "CUSTOMER" | "USERGROUP", ownerId: number) {
  const rows = await db.pointsLot.findMany({ where: { orgId, account: { ownerType, ownerId } }, orderBy: { id: "asc" }, select: { amount: true, expiresAt: true, rollingValue: true, account: { select: { programId: true } } } });
  return rows.map((l) => ({ points: Number(l.amount), expiresOn: l.expiresAt?.toISOString().slice(0, 10) ?? null, rolling: l.rollingValue !== null, programId: l.account.programId }));
}

describe("rolling expiry on transactions", () => {
  it("a purchase moves the member's rolling lots to its date plus their period; fixed lots keep theirs", async () => {
    const f = await createEngineOrg();
    await publishLive(f.orgId, f.defaultProgram.id, rolling());
    const ana = await createCustomer(f.orgId);
    await earn(db, { orgId: f.orgId, programId: f.defaultProgram.id, owner: { type: "CUSTOMER", id: ana.id }, points: 7, expiresAt: new Date("2027-01-15T00:00:00Z"), provenance: prov });

    expect((await post(f.authorization, ana.mobile, bill("R-1", 500, { billingDate: "2026-11-20T10:00:00Z" }))).status).toBe(200);
    expect((await post(f.authorization, ana.mobile, bill("R-2", 300, { billingDate: "2027-01-10T10:00:00Z" }))).status).toBe(200);

    expect(await lots(f.orgId, "CUSTOMER", ana.id)).toEqual([
      { points: 7, expiresOn: "2027-01-15", rolling: false, programId: f.defaultProgram.id },
      { points: 50, expiresOn: "2027-04-10", rolling: true, programId: f.defaultProgram.id },
      { points: 30, expiresOn: "2027-04-10", rolling: true, programId: f.defaultProgram.id },
    ]);
    // Had it not rolled, the first purchase's 50 would have expired on 2027-02-20.
    expect(await sweepExpiredPoints({ asOf: new Date("2027-03-01T00:00:00Z"), orgId: f.orgId })).toMatchObject({ points: 7 });
    expect(await engineDb.verify(f.orgId)).toEqual([]);
  });

  it("a purchase that earns nothing rolls nothing, unless ROLLING_EXPIRY_INCLUDE_ZERO_POINTS", async () => {
    const f = await createEngineOrg();
    await publishLive(f.orgId, f.defaultProgram.id, rolling());
    const ana = await createCustomer(f.orgId);
    await post(f.authorization, ana.mobile, bill("Z-1", 500, { billingDate: "2026-11-20T10:00:00Z" }));
    await post(f.authorization, ana.mobile, bill("Z-2", 5, { billingDate: "2027-01-10T10:00:00Z" }));
    expect((await lots(f.orgId, "CUSTOMER", ana.id)).map((l) => l.expiresOn)).toEqual(["2027-02-20"]);

    await setOrgConfig(f.orgId, "ROLLING_EXPIRY_INCLUDE_ZERO_POINTS", true);
    await post(f.authorization, ana.mobile, bill("Z-3", 5, { billingDate: "2027-01-12T10:00:00Z" }));
    expect((await lots(f.orgId, "CUSTOMER", ana.id)).map((l) => l.expiresOn)).toEqual(["2027-04-12"]);
  });

  it("Single Rolling Expiry rolls rolling lots in every program by the org's period, and only those", async () => {
    const f = await createEngineOrg({ SINGLE_ROLLING_EXPIRY: { enabled: true, period: 6, unit: "MONTHS", events: ["TransactionAdd"] } });
    await publishLive(f.orgId, f.defaultProgram.id, rolling());
    const brand = await db.program.create({ data: { orgId: f.orgId, name: "Brand", active: true } });
    const ana = await createCustomer(f.orgId);
    const owner = { type: "CUSTOMER" as const, id: ana.id };
    await earn(db, { orgId: f.orgId, programId: brand.id, owner, points: 11, expiresAt: new Date("2027-02-01T00:00:00Z"), rollingPeriod: { value: 1, unit: "MONTHS" }, provenance: prov });
    await earn(db, { orgId: f.orgId, programId: brand.id, owner, points: 12, expiresAt: new Date("2027-02-01T00:00:00Z"), provenance: prov });

    await post(f.authorization, ana.mobile, bill("S-1", 200, { billingDate: "2027-01-10T10:00:00Z" }));

    expect(await lots(f.orgId, "CUSTOMER", ana.id)).toEqual([
      { points: 11, expiresOn: "2027-07-10", rolling: true, programId: brand.id },
      { points: 12, expiresOn: "2027-02-01", rolling: false, programId: brand.id },
      { points: 20, expiresOn: "2027-04-10", rolling: true, programId: f.defaultProgram.id },
    ]);
  });

  it("Single Rolling Expiry rolls only on the events it names", async () => {
    const f = await createEngineOrg({ SINGLE_ROLLING_EXPIRY: { enabled: true, period: 6, unit: "MONTHS", events: ["PointsRedemption"] } });
    await publishLive(f.orgId, f.defaultProgram.id, rolling());
    const ana = await createCustomer(f.orgId);
    await post(f.authorization, ana.mobile, bill("E-1", 500, { billingDate: "2026-11-20T10:00:00Z" }));
    await post(f.authorization, ana.mobile, bill("E-2", 300, { billingDate: "2027-01-10T10:00:00Z" }));
    expect((await lots(f.orgId, "CUSTOMER", ana.id)).map((l) => l.expiresOn)).toEqual(["2027-02-20", "2027-04-10"]);
  });

  it("with fleet group loyalty on, a member's purchase rolls the group wallet's rolling lots too", async () => {
    const f = await createEngineOrg();
    await publishLive(f.orgId, f.defaultProgram.id, rolling("USER_GROUP"));
    const { group, members } = await createFamily(f.orgId, 2, "FLEET-ROLL");
    const [owner, driver] = members;
    await post(f.authorization, owner!.mobile, bill("F-1", 500, { billingDate: "2026-11-20T10:00:00Z" }));
    await post(f.authorization, driver!.mobile, bill("F-2", 300, { billingDate: "2027-01-10T10:00:00Z" }));
    // Off: the group's points are the group's; a member's purchase does not roll them.
    expect((await lots(f.orgId, "USERGROUP", group.id)).map((l) => l.expiresOn)).toEqual(["2027-02-20", "2027-04-10"]);

    await setOrgConfig(f.orgId, "FLEET_GROUP_LOYALTY_ENABLED", true);
    await setOrgConfig(f.orgId, "FLEET_ENTITY_TYPE", "USERGROUP");
    await post(f.authorization, driver!.mobile, bill("F-3", 100, { billingDate: "2027-01-20T10:00:00Z" }));
    expect((await lots(f.orgId, "USERGROUP", group.id)).map((l) => l.expiresOn)).toEqual(["2027-04-20", "2027-04-20", "2027-04-20"]);
    expect(await engineDb.verify(f.orgId)).toEqual([]);
  });
});
