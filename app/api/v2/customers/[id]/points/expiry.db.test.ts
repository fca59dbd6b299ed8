import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { sweepExpiredPoints } from "@/lib/expiry/sweep";
import { earn } from "@/lib/ledger/post";
import { testDb as db } from "@/lib/testing/db";
import { createEngineOrg } from "@/lib/testing/engine-factories";
import { createCustomer } from "@/lib/testing/groups-factories";
import { callRoute } from "@/lib/testing/route";
import { GET as loyaltyDetails } from "../loyaltyDetails/route";
import { GET as expirySchedule } from "../pointsExpirySchedule/route";
import { GET as points } from "./route";

// The expiry schedule in balances (issue 11): when the next points expire and how many, fixed or
// rolling, and what the sweep took shows as expired.
const prov = { actor: SYSTEM_ACTOR, sourceType: "TEST" };
const at = (iso: string) => new Date(`${iso}T12:00:00Z`);
const soon = (days: number) => new Date(Date.now() + days * 86_400_000);
const day = (d: Date) => d.toISOString().slice(0, 10);

describe("the expiry schedule in a customer's balances", () => {
  it("shows the next expiry, fixed and rolling entries, and after a sweep the expired points", async () => {
    const f = await createEngineOrg();
    const ana = await createCustomer(f.orgId);
    const owner = { type: "CUSTOMER" as const, id: ana.id };
    const base = { orgId: f.orgId, programId: f.defaultProgram.id, owner, provenance: prov };
    await earn(db, { ...base, points: 15, earnedAt: at("2026-01-01"), expiresAt: at("2026-06-01") });
    await earn(db, { ...base, points: 10, expiresAt: soon(5) });
    await earn(db, { ...base, points: 4, expiresAt: soon(5), rollingPeriod: { value: 6, unit: "MONTHS" } });
    await earn(db, { ...base, points: 30, expiresAt: soon(40) });
    await earn(db, { ...base, points: 7, expiresAt: null });
    await sweepExpiredPoints({ orgId: f.orgId });
    const headers = { authorization: f.authorization };
    const params = { id: String(ana.id) };

    const wallet = await callRoute(points, `/v2/customers/${ana.id}/points`, { headers, params }) as { status: number; body: { programs: unknown[] } };
    expect(wallet.status).toBe(200);
    expect(wallet.body.programs).toEqual([expect.objectContaining({
      current: "51",
      nextExpiry: { expiresOn: day(soon(5)), points: "14" },
      expirySchedule: [
        { expiresOn: day(soon(5)), points: "10", kind: "REGULAR", expiryType: "fixed" },
        { expiresOn: day(soon(5)), points: "4", kind: "REGULAR", expiryType: "rolling" },
        { expiresOn: day(soon(40)), points: "30", kind: "REGULAR", expiryType: "fixed" },
        { expiresOn: null, points: "7", kind: "REGULAR", expiryType: "fixed" },
      ],
    })]);

    const schedule = await callRoute(expirySchedule, `/v2/customers/${ana.id}/pointsExpirySchedule`, { headers, params }) as { body: { expirySchedules: unknown[] } };
    expect(schedule.body.expirySchedules).toEqual([
      { points: 10, expiryDate: day(soon(5)), programId: f.defaultProgram.id, pointsType: "bill_regular", expiryType: "fixed" },
      { points: 4, expiryDate: day(soon(5)), programId: f.defaultProgram.id, pointsType: "bill_regular", expiryType: "rolling" },
      { points: 30, expiryDate: day(soon(40)), programId: f.defaultProgram.id, pointsType: "bill_regular", expiryType: "fixed" },
    ]);

    const details = await callRoute(loyaltyDetails, `/v2/customers/${ana.id}/loyaltyDetails`, { headers, params }) as { body: { data: unknown[] } };
    expect(details.body.data).toEqual([expect.objectContaining({ loyaltyPoints: 51, expired: 15 })]);
  });
});
