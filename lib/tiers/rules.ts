import { addPeriod } from "@/lib/workflows/expiry";

// The tier rules of a program (SPEC §4, issue 12), without the database: which tier a value
// qualifies for, when a tier ends, and what happens when it ends. lib/tiers/evaluate.ts applies
// them after every activity; lib/tiers/sweep.ts when validities end.

export type TierBasis = "LIFETIME_PURCHASES" | "LIFETIME_POINTS";
export type TierDowngradeRule = "NEVER" | "ONE_TIER" | "TO_QUALIFYING";

export type TierDef = { id: number; number: number; name: string; threshold: number; renewalThreshold: number | null };
export type TierPolicy = { basis: TierBasis; validityMonths: number | null; downgradeRule: TierDowngradeRule };

export type TierAction = "UPGRADE" | "DOWNGRADE" | "RENEWAL" | "EXTEND_CURRENT_TIER_EXPIRY_DATE";
export type TierDecision = { action: TierAction; to: TierDef; expiresAt: Date | null; note: string };

export function byNumber(tiers: readonly TierDef[]): TierDef[] {
  return [...tiers].sort((a, b) => a.number - b.number);
}

/** The highest tier whose upgrade threshold the value reaches, or null when there are no tiers. */
export function qualifyingTier(tiers: readonly TierDef[], value: number): TierDef | null {
  const sorted = byNumber(tiers);
  let found: TierDef | null = sorted[0] ?? null;
  for (const t of sorted) if (value >= t.threshold) found = t;
  return found;
}

/** The lowest tier is where everyone starts and is never lost: it has no expiry. */
export function isBase(tiers: readonly TierDef[], tier: TierDef): boolean {
  return byNumber(tiers)[0]?.id === tier.id;
}

/** When a tier held from `from` ends: after the program's validity, never for the base tier. */
export function tierExpiry(tiers: readonly TierDef[], tier: TierDef, from: Date, policy: TierPolicy): Date | null {
  if (isBase(tiers, tier) || policy.validityMonths === null) return null;
  return addPeriod(from, policy.validityMonths, "MONTHS");
}

/**
 * After an activity: an upgrade when the member's value now reaches a higher tier. Strategy
 * evaluation never downgrades, except when a manual adjustment asked for the tier to be
 * reassessed at the next activity: then the member takes exactly the tier the value qualifies for.
 */
export function decideAfterActivity({
  tiers,
  current,
  value,
  policy,
  now,
  reassess,
}: {
  tiers: readonly TierDef[];
  current: TierDef | null;
  value: number;
  policy: TierPolicy;
  now: Date;
  reassess: boolean;
}): TierDecision | null {
  const target = qualifyingTier(tiers, value);
  if (!target) return null;
  const currentNumber = current?.number ?? byNumber(tiers)[0]!.number;
  const basis = policy.basis === "LIFETIME_POINTS" ? "lifetime points" : "lifetime purchases";
  if (target.number > currentNumber || (current === null && target.number === currentNumber)) {
    return { action: "UPGRADE", to: target, expiresAt: tierExpiry(tiers, target, now, policy), note: `${basis} ${value} reached ${target.name} (${target.threshold})` };
  }
  if (reassess && current && target.number < current.number) {
    return { action: "DOWNGRADE", to: target, expiresAt: tierExpiry(tiers, target, now, policy), note: `reassessed after a manual adjustment: ${basis} ${value} qualify for ${target.name}` };
  }
  return null;
}

/**
 * When a tier's validity has ended: renewed when the value earned while holding it reaches the
 * tier's renewal threshold (its upgrade threshold unless set), else downgraded by the program's rule.
 */
export function decideAtExpiry({
  tiers,
  current,
  periodValue,
  policy,
  expiredAt,
}: {
  tiers: readonly TierDef[];
  current: TierDef;
  periodValue: number;
  policy: TierPolicy;
  expiredAt: Date;
}): TierDecision {
  const sorted = byNumber(tiers);
  const keep = current.renewalThreshold ?? current.threshold;
  if (periodValue >= keep || policy.downgradeRule === "NEVER" || isBase(tiers, current)) {
    return { action: "RENEWAL", to: current, expiresAt: tierExpiry(tiers, current, expiredAt, policy), note: `${periodValue} earned during the tier's validity (renewal at ${keep})` };
  }
  const index = sorted.findIndex((t) => t.id === current.id);
  const oneBelow = sorted[Math.max(index - 1, 0)]!;
  const to =
    policy.downgradeRule === "ONE_TIER" ? oneBelow : sorted.filter((t) => t.number < current.number && periodValue >= t.threshold).at(-1) ?? sorted[0]!;
  return { action: "DOWNGRADE", to, expiresAt: tierExpiry(tiers, to, expiredAt, policy), note: `${periodValue} earned during the tier's validity, below the ${keep} to keep ${current.name}` };
}
