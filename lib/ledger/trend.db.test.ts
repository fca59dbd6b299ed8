import { describe, expect, it } from "vitest";
import { testDb as db } from "@/lib/testing/db";
import { createOrg } from "@/lib/testing/factories";
import { createTrendActivity, TREND_ACTIVITY } from "@/lib/testing/trend-factories";
import { ledgerTrend } from "./trend";

// The programs overview's trend: what each bucket says is what the ledger moved in it, for the
// org or one program, and nothing of another org's.

const today = new Date().toISOString().slice(0, 10);

describe("ledgerTrend", () => {
  it("sums points issued, redeemed and expired and counts active members per day, for the org and per program", async () => {
    const { org, defaultProgram } = await createOrg();
    const brand = await db.program.create({ data: { orgId: org.id, name: "Brand", active: true } });
    await createTrendActivity(org.id, defaultProgram.id);
    await createTrendActivity(org.id, brand.id);
    const other = await createOrg();
    await createTrendActivity(other.org.id, other.defaultProgram.id);

    const days = await ledgerTrend({ orgId: org.id, programId: defaultProgram.id, grain: "day" });
    expect(days).toHaveLength(30);
    expect(days.at(-1)).toEqual({ start: today, ...TREND_ACTIVITY });
    expect(days.slice(0, -1).every((d) => d.issued === 0 && d.activeMembers === 0)).toBe(true);

    const whole = await ledgerTrend({ orgId: org.id, grain: "day" });
    expect(whole.at(-1)).toEqual({
      start: today, issued: 2 * TREND_ACTIVITY.issued, redeemed: 2 * TREND_ACTIVITY.redeemed, expired: 2 * TREND_ACTIVITY.expired, activeMembers: 2 * TREND_ACTIVITY.activeMembers,
    });

    const weeks = await ledgerTrend({ orgId: org.id, programId: brand.id, grain: "week" });
    expect(weeks).toHaveLength(12);
    const monday = new Date(`${today}T00:00:00Z`);
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
    expect(weeks.at(-1)).toEqual({ start: monday.toISOString().slice(0, 10), ...TREND_ACTIVITY });
  });

  it("is all zeros for an org where nothing moved", async () => {
    const { org } = await createOrg();
    const buckets = await ledgerTrend({ orgId: org.id, grain: "week" });
    expect(buckets.every((b) => b.issued === 0 && b.redeemed === 0 && b.expired === 0 && b.activeMembers === 0)).toBe(true);
  });
});
