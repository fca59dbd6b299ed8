import type { RollingPeriod } from "@/lib/ledger/types";
import type { RollingEvent, SingleRollingExpiry } from "@/lib/org/rolling-expiry-schema";

// Which lots a customer's event rolls (SPEC §0, §8), as a pure decision the engine and the tests
// share. Plain rolling expiry: a transaction rolls the member's rolling lots in each program it
// earned in, each by its own period. Single Rolling Expiry (org setting): the chosen events roll
// the member's rolling lots in every program, by the org's period. An event that awards nothing
// rolls only with ROLLING_EXPIRY_INCLUDE_ZERO_POINTS. With fleet group loyalty on, the member's
// group wallet rolls with them (fleet expiry for group users).

export type RollingConfigs = {
  SINGLE_ROLLING_EXPIRY: SingleRollingExpiry;
  ROLLING_EXPIRY_INCLUDE_ZERO_POINTS: boolean;
  FLEET_GROUP_LOYALTY_ENABLED: boolean;
  FLEET_ENTITY_TYPE: string;
};

export type RollingEventInput = {
  event: RollingEvent;
  /** The programs the event ran in. */
  programIds: number[];
  /** Points the event awarded (to the member or their group), by program; earning events only. */
  pointsByProgram?: ReadonlyMap<number, number>;
};

export type RollingDecision = {
  /** Programs whose member lots roll; null: every program. */
  programIds: number[] | null;
  /** The org's period in place of each lot's own (Single Rolling Expiry). */
  override: RollingPeriod | null;
  /** Whether the member's group wallet rolls too (fleet expiry). */
  group: boolean;
};

/** Events that award points: only these can "award 0 points". */
const EARNING_EVENTS: ReadonlySet<RollingEvent> = new Set(["TransactionAdd", "CustomerRegistration"]);

export function rollingDecision(input: RollingEventInput, configs: RollingConfigs): RollingDecision | null {
  const single = configs.SINGLE_ROLLING_EXPIRY;
  const group = configs.FLEET_GROUP_LOYALTY_ENABLED && configs.FLEET_ENTITY_TYPE !== "";
  const awarded = (p: number) => (input.pointsByProgram?.get(p) ?? 0) > 0;
  const counts = (p: number) => !EARNING_EVENTS.has(input.event) || configs.ROLLING_EXPIRY_INCLUDE_ZERO_POINTS || awarded(p);

  if (single.enabled && single.period !== null) {
    if (!single.events.includes(input.event)) return null;
    if (!input.programIds.some(counts)) return null;
    return { programIds: null, override: { value: single.period, unit: single.unit }, group };
  }
  // Plain rolling expiry works only on "Makes a transaction", within the programs it ran in.
  if (input.event !== "TransactionAdd") return null;
  const programIds = input.programIds.filter(counts);
  return programIds.length === 0 ? null : { programIds, override: null, group };
}
