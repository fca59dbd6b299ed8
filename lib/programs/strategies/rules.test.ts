import { describe, expect, it } from "vitest";
import { checkRedemption, redeemedValue } from "./rules";
import type { RedemptionStrategy } from "./schema";

const strategy: RedemptionStrategy = { minimumPoints: 50, maximumPerTransaction: 500, multiplesOf: 10, eligibility: null };
const rich = { currentPoints: 10_000, lifetimePoints: 10_000, lifetimePurchases: 10_000 };

describe("checkRedemption", () => {
  it("lets a redemption within every rule through", () => {
    expect(checkRedemption(strategy, 50, rich)).toBeNull();
    expect(checkRedemption(strategy, 500, rich)).toBeNull();
  });

  it.each([
    [0, 801],
    [-10, 801],
    [Number.NaN, 801],
    [55.5, 807],
    [45, 821],
    [510, 819],
    [65, 807],
  ])("refuses %s points with %s", (points, code) => {
    expect(checkRedemption(strategy, points, rich)?.code).toBe(code);
  });

  it("says the strategy's minimum in the 821 message", () => {
    expect(checkRedemption(strategy, 45, rich)?.message).toBe("Less than the minimum redemption limit: redeem at least 50 points (asked for 45).");
  });

  it("checks eligibility on current points, lifetime points or lifetime purchases", () => {
    const needs = (basis: "CURRENT_POINTS" | "LIFETIME_POINTS" | "LIFETIME_PURCHASES") => ({ ...strategy, eligibility: { basis, threshold: 150 } });
    const poor = { currentPoints: 100, lifetimePoints: 149, lifetimePurchases: 149.99 };
    expect(checkRedemption(needs("CURRENT_POINTS"), 50, poor)?.code).toBe(804);
    expect(checkRedemption(needs("LIFETIME_POINTS"), 50, poor)?.code).toBe(805);
    expect(checkRedemption(needs("LIFETIME_PURCHASES"), 50, poor)?.code).toBe(806);
    expect(checkRedemption(needs("LIFETIME_POINTS"), 50, { ...poor, lifetimePoints: 150 })).toBeNull();
  });

  it("refuses more than the wallet holds with 818", () => {
    expect(checkRedemption(strategy, 100, { ...rich, currentPoints: 90 })).toMatchObject({ code: 818, field: "points" });
  });

  it("without limits or multiples takes any whole number from the minimum up", () => {
    expect(checkRedemption({ minimumPoints: 1, maximumPerTransaction: null, multiplesOf: null, eligibility: null }, 7, rich)).toBeNull();
  });
});

describe("redeemedValue", () => {
  it("multiplies exactly, to the ratio's decimals", () => {
    expect(redeemedValue(30, "0.1")).toBe("3");
    expect(redeemedValue(7, "0.0000000001")).toBe("0.0000000007");
    expect(redeemedValue(3, "1.25")).toBe("3.75");
    expect(redeemedValue(10, "2")).toBe("20");
  });
});
