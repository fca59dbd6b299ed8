import { describe, expect, it } from "vitest";
import { decideAfterActivity, decideAtExpiry, qualifyingTier, type TierDef, type TierPolicy } from "./rules";

const tiers: TierDef[] = [
  { id: 11, number: 1, name: "Silver", threshold: 0, renewalThreshold: null },
  { id: 12, number: 2, name: "Gold", threshold: 5000, renewalThreshold: 3000 },
  { id: 13, number: 3, name: "Platinum", threshold: 20000, renewalThreshold: null },
];
const [silver, gold, platinum] = tiers as [TierDef, TierDef, TierDef];
const policy: TierPolicy = { basis: "LIFETIME_PURCHASES", validityMonths: 12, downgradeRule: "ONE_TIER" };
const now = new Date("2026-03-31T10:00:00Z");

describe("qualifyingTier", () => {
  it("is the highest tier whose threshold the value reaches, the base below every threshold", () => {
    expect(qualifyingTier(tiers, 0)?.name).toBe("Silver");
    expect(qualifyingTier(tiers, 4999.99)?.name).toBe("Silver");
    expect(qualifyingTier(tiers, 5000)?.name).toBe("Gold");
    expect(qualifyingTier(tiers, 1e9)?.name).toBe("Platinum");
    expect(qualifyingTier([], 100)).toBeNull();
  });
});

describe("after an activity", () => {
  it("upgrades when the value reaches a higher tier, with the program's validity from now", () => {
    const d = decideAfterActivity({ tiers, current: silver, value: 6000, policy, now, reassess: false });
    expect(d).toMatchObject({ action: "UPGRADE", to: { name: "Gold" } });
    // Month steps from the 31st land on the month's last day.
    expect(d?.expiresAt?.toISOString()).toBe("2027-03-31T10:00:00.000Z");
  });

  it("jumps straight to the highest tier reached, and never downgrades on its own", () => {
    expect(decideAfterActivity({ tiers, current: silver, value: 25000, policy, now, reassess: false })?.to.name).toBe("Platinum");
    expect(decideAfterActivity({ tiers, current: platinum, value: 100, policy, now, reassess: false })).toBeNull();
    expect(decideAfterActivity({ tiers, current: gold, value: 6000, policy, now, reassess: false })).toBeNull();
  });

  it("after a manual adjustment asked for reassessment, takes the tier the value qualifies for, down too", () => {
    expect(decideAfterActivity({ tiers, current: platinum, value: 6000, policy, now, reassess: true })).toMatchObject({ action: "DOWNGRADE", to: { name: "Gold" } });
  });

  it("gives the base tier a member without one, and the base tier never expires", () => {
    expect(decideAfterActivity({ tiers, current: null, value: 10, policy, now, reassess: false })).toMatchObject({ to: { name: "Silver" }, expiresAt: null });
  });

  it("tiers without a validity never expire", () => {
    expect(decideAfterActivity({ tiers, current: silver, value: 6000, policy: { ...policy, validityMonths: null }, now, reassess: false })?.expiresAt).toBeNull();
  });
});

describe("when a validity ends", () => {
  const expiredAt = new Date("2027-01-15T00:00:00Z");

  it("renews when the value earned while holding the tier reaches its renewal threshold", () => {
    const d = decideAtExpiry({ tiers, current: gold, periodValue: 3000, policy, expiredAt });
    expect(d).toMatchObject({ action: "RENEWAL", to: { name: "Gold" } });
    expect(d.expiresAt?.toISOString()).toBe("2028-01-15T00:00:00.000Z");
  });

  it("without a renewal threshold, the upgrade threshold is what keeps the tier", () => {
    expect(decideAtExpiry({ tiers, current: platinum, periodValue: 19999, policy, expiredAt }).action).toBe("DOWNGRADE");
  });

  it("drops one tier, or to the tier the period's value qualifies for, by the program's rule", () => {
    expect(decideAtExpiry({ tiers, current: platinum, periodValue: 0, policy, expiredAt }).to.name).toBe("Gold");
    expect(decideAtExpiry({ tiers, current: platinum, periodValue: 0, policy: { ...policy, downgradeRule: "TO_QUALIFYING" }, expiredAt }).to.name).toBe("Silver");
    expect(decideAtExpiry({ tiers, current: platinum, periodValue: 6000, policy: { ...policy, downgradeRule: "TO_QUALIFYING" }, expiredAt }).to.name).toBe("Gold");
  });

  it("a program that never downgrades renews, and a downgrade to the base tier has no expiry", () => {
    expect(decideAtExpiry({ tiers, current: gold, periodValue: 0, policy: { ...policy, downgradeRule: "NEVER" }, expiredAt }).action).toBe("RENEWAL");
    expect(decideAtExpiry({ tiers, current: gold, periodValue: 0, policy, expiredAt })).toMatchObject({ action: "DOWNGRADE", to: { name: "Silver" }, expiresAt: null });
  });
});
