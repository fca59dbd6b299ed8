import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { rollLots } from "@/lib/ledger/rolling";
import type { Owner } from "@/lib/ledger/types";
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
  const decision = rollingDecision(args, configs);
  if (!decision) return 0;
  const member: Owner = { type: "CUSTOMER", id: args.customerId };
  let moved = await rollLots(tx, { orgId: args.orgId, owners: [member], programIds: decision.programIds, eventAt: args.eventAt, override: decision.override });
  if (decision.group && args.group) {
    const programOf = args.group.programOf;
    const programIds = decision.programIds === null ? null : [...new Set(decision.programIds.map((p) => programOf(p)))];
    moved += await rollLots(tx, { orgId: args.orgId, owners: [{ type: "USERGROUP", id: args.group.id }], programIds, eventAt: args.eventAt, override: decision.override });
  }
  return moved;
}
