import type { EvalContext } from "@/lib/expr";
import { expiryFor, type ExpiryOutcome, type ResolvedExpiry } from "./expiry";
import { formatFixed, percentOf, roundPoints, toFixed, ZERO, type Fixed } from "./points-math";
import type { AllocationAction, PointsKind, UserEntity } from "./schema";

// What a TRANSACTION_POINT_ALLOCATION action awards for one event (SPEC §5.4, §8 Allocation):
// how many points, to which wallet, of which kind, expiring when. Pure: the simulator shows it,
// the engine posts it to the ledger.

export interface AllocationResult {
  readonly wallet: UserEntity;
  readonly kind: PointsKind;
  /** Points after rounding, before any ruleset cap. */
  readonly points: Fixed;
  readonly expiry: ExpiryOutcome;
  /** How the points were worked out, for people: "10% of 1200.5 (currentTxn.value), FLOOR". */
  readonly basis: string;
}

const PRORATE_SOURCE = {
  EVENT_VALUE: ["currentTxn", "value"],
  CURRENT_AGGREGATE: ["currentTrackerCondition", "trackerCurrAggr"],
  PREVIOUS_AGGREGATE: ["currentTrackerCondition", "trackerPrevAggr"],
} as const;

export function allocate(action: AllocationAction, ctx: EvalContext, eventDate: Date, programDefaultExpiry: ResolvedExpiry | undefined): AllocationResult {
  const expiry = expiryFor(action.expiry, eventDate, programDefaultExpiry);
  const base = { wallet: action.userEntity, kind: action.pointsKind, expiry };
  let rule = action.allocation;
  let tierNote = "";
  if (rule.type === "PER_TIER") {
    const tier = tierOf(action.userEntity, ctx);
    const line = tier === null ? undefined : rule.tiers.find((t) => t.tierNumber === tier);
    if (!line) return { ...base, points: ZERO, basis: tier === null ? "no tier on the event: nothing earned" : `tier ${tier} has no allocation: nothing earned` };
    rule = line.allocation;
    tierNote = `tier ${tier}: `;
  }
  if (rule.type === "FIXED") {
    const points = roundPoints(toFixed(rule.points) ?? ZERO, action.rounding);
    return { ...base, points, basis: `${tierNote}fixed ${formatFixed(points)}` };
  }
  const [profile, attribute] = PRORATE_SOURCE[rule.prorateOn ?? "EVENT_VALUE"];
  const value = toFixed(read(ctx, profile, attribute));
  const label = `${profile}.${attribute}`;
  if (value === null) return { ...base, points: ZERO, basis: `${tierNote}${rule.percent}% of ${label}, which the event does not carry: nothing earned` };
  // A negative amount (a correction sent as a transaction) earns nothing rather than taking points.
  const raw = value > ZERO ? percentOf(value, toFixed(rule.percent) ?? ZERO) : ZERO;
  const points = roundPoints(raw, action.rounding);
  return { ...base, points, basis: `${tierNote}${rule.percent}% of ${formatFixed(value)} (${label}), ${action.rounding}` };
}

/** The tier that picks a per-tier line: the group's for group wallets when the event has one. */
function tierOf(entity: UserEntity, ctx: EvalContext): number | null {
  const group = entity === "USER_GROUP" ? toFixed(read(ctx, "currentUserGroup", "slabNumber")) : null;
  const tier = group ?? toFixed(read(ctx, "currentCustomer", "slabNumber"));
  if (tier === null) return null;
  const n = Number(formatFixed(tier));
  return Number.isInteger(n) ? n : null;
}

function read(ctx: EvalContext, profile: string, attribute: string): unknown {
  const holder = Object.prototype.hasOwnProperty.call(ctx, profile) ? ctx[profile] : undefined;
  if (holder === null || typeof holder !== "object") return undefined;
  return Object.prototype.hasOwnProperty.call(holder, attribute) ? (holder as Record<string, unknown>)[attribute] : undefined;
}
