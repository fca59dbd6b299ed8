import type { RedemptionStrategy } from "./schema";

// The redemption strategy's rules (SPEC §8 "Redemption", codes SPEC-vendor-api §D.9). Pure: the
// redemption APIs run it before they post, the tests run it alone. One place for every rule, so
// the v2 and the v1.1 doors refuse the same requests with the same words.

export type RedemptionRefusal = { code: number; message: string; field: "points" };

/** What the rules need to know about whoever redeems (a member, or a group wallet). */
export type RedeemerStanding = {
  /** Redeemable points of the wallet the redemption draws from. */
  currentPoints: number;
  lifetimePoints: number;
  lifetimePurchases: number;
};

export const NO_REDEMPTION_STRATEGY = 888;

export function noStrategyMessage(programName: string): string {
  return `Program "${programName}" has no redemption strategy, so its points cannot be redeemed: set one on the program's Strategies tab.`;
}

/**
 * The first rule a redemption of `points` breaks, or null when it may go ahead: 801 not a
 * positive number, 807 not whole or not a multiple, 821 below the minimum, 819 above the limit,
 * 804/805/806 eligibility on current points / lifetime points / lifetime purchases, 818 more
 * than the wallet holds.
 */
export function checkRedemption(strategy: RedemptionStrategy, points: number, standing: RedeemerStanding): RedemptionRefusal | null {
  const refuse = (code: number, message: string): RedemptionRefusal => ({ code, message, field: "points" });
  if (!Number.isFinite(points) || points <= 0) return refuse(801, `Points you are trying to redeem are invalid: ${points} (redeem more than 0).`);
  if (!Number.isInteger(points)) return refuse(807, `Redemption points not divisible: redeem whole points, not ${points}.`);
  if (points < strategy.minimumPoints) {
    return refuse(821, `Less than the minimum redemption limit: redeem at least ${strategy.minimumPoints} points (asked for ${points}).`);
  }
  if (strategy.maximumPerTransaction !== null && points > strategy.maximumPerTransaction) {
    return refuse(819, `More than the maximum allowed redemption limit: at most ${strategy.maximumPerTransaction} points per transaction (asked for ${points}).`);
  }
  if (strategy.multiplesOf !== null && points % strategy.multiplesOf !== 0) {
    return refuse(807, `Points to redeem must be a multiple of ${strategy.multiplesOf} (asked for ${points}).`);
  }
  const e = strategy.eligibility;
  if (e) {
    if (e.basis === "CURRENT_POINTS" && standing.currentPoints < e.threshold) {
      return refuse(804, `Insufficient current points: redemption needs ${e.threshold} current points, the wallet has ${standing.currentPoints}.`);
    }
    if (e.basis === "LIFETIME_POINTS" && standing.lifetimePoints < e.threshold) {
      return refuse(805, `Insufficient lifetime points: redemption needs ${e.threshold} lifetime points, the customer has ${standing.lifetimePoints}.`);
    }
    if (e.basis === "LIFETIME_PURCHASES" && standing.lifetimePurchases < e.threshold) {
      return refuse(806, `Insufficient lifetime purchases amount: redemption needs purchases of ${e.threshold}, the customer has ${standing.lifetimePurchases}.`);
    }
  }
  if (standing.currentPoints < points) {
    return refuse(818, `Current points are less than points requested for redemption: ${standing.currentPoints} available, ${points} requested.`);
  }
  return null;
}

/** The redemption's value in base currency, exact to the ratio's 10 places (points are whole). */
export function redeemedValue(points: number, ratio: string): string {
  const [whole, frac = ""] = ratio.split(".");
  const scale = 10n ** BigInt(frac.length);
  const units = BigInt(whole! + frac) * BigInt(points);
  const intPart = units / scale;
  const fracPart = (units % scale).toString().padStart(frac.length, "0").replace(/0+$/, "");
  return fracPart ? `${intPart}.${fracPart}` : String(intPart);
}
