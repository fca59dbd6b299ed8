import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { rollLots } from "@/lib/ledger/rolling";
import type { Owner, RollingPeriod } from "@/lib/ledger/types";
import { getOrgConfigs } from "@/lib/org/configs";
import { rollingDecision, type RollingConfigs, type RollingEventInput } from "./rolling-rules";

// The one call a writer makes when a customer does something that may roll expiry (a
// transaction, a redemption, a transfer…), inside its own transaction and before its postings,
// so the wallets are locked in id order before anything else takes them.

export type RollOnEventArgs = RollingEventInput & {
  orgId: number;
  customerId: number;
  /** The member's group for this event (its default group), when there is one. */
  group?: { id: number; programOf: (programId: number) => number } | null;
  eventAt: Date;
  /** The org's configs when the caller has them already (the engine does); read otherwise. */
  configs?: RollingConfigs;
};

type Tx = Pick<Prisma.TransactionClient, "$queryRaw" | "orgConfig">;

/** Rolls what the event rolls; returns how many lots moved. */
export async function rollOnEvent(tx: Tx, args: RollOnEventArgs): Promise<number> {
  const configs = args.configs ?? (await getOrgConfigs(args.orgId, tx));
  let moved = 0;
  for (const roll of rollsOf(args, configs)) moved += await rollLots(tx, { orgId: args.orgId, eventAt: args.eventAt, ...roll });
  return moved;
}

export type Roll = { owners: Owner[]; programIds: number[] | null; override: RollingPeriod | null };

/**
 * What the event rolls, in order (the member's wallets, then their group's), for a writer that
 * rolls inside one database call of its own (bill_commit); rollOnEvent runs the same list.
 */
export function rollsOf(args: RollOnEventArgs, configs: RollingConfigs): Roll[] {
  const decision = rollingDecision(args, configs);
  if (!decision) return [];
  const member: Owner = { type: "CUSTOMER", id: args.customerId };
  const rolls: Roll[] = [{ owners: [member], programIds: decision.programIds, override: decision.override }];
  if (decision.group && args.group) {
    const programOf = args.group.programOf;
    const programIds = decision.programIds === null ? null : [...new Set(decision.programIds.map((p) => programOf(p)))];
    rolls.push({ owners: [{ type: "USERGROUP", id: args.group.id }], programIds, override: decision.override });
  }
  return rolls;
}
