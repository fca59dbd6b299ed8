import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { addPeriod } from "@/lib/workflows/expiry";
import type { WorkflowAction } from "@/lib/workflows/schema";
import { recordTierChange, type TierChangeResult, type TierSetup } from "./apply";
import { byNumber, isBase, tierExpiry } from "./rules";

// The workflow's UPGRADE_TIER and RENEW_TIER actions (SPEC §5.4), after the strategy's own
// evaluation of the same activity. An action that cannot apply (already at the top, nothing to
// renew) does nothing: a rule firing is not an error of the event that triggered it.

type TierAction = Extract<WorkflowAction, { type: "UPGRADE_TIER" | "RENEW_TIER" }>;

export async function applyWorkflowTierAction(
  tx: Prisma.TransactionClient,
  { orgId, setup, customerId, action, conditionName, actor, now }: { orgId: number; setup: TierSetup; customerId: number; action: TierAction; conditionName: string; actor: Actor; now: Date },
): Promise<TierChangeResult[]> {
  const enrolment = await tx.programEnrollment.findUnique({ where: { programId_customerId: { programId: setup.programId, customerId } }, select: { tierId: true, tierExpiresAt: true } });
  const tiers = byNumber(setup.tiers);
  const current = tiers.find((t) => t.id === enrolment?.tierId) ?? null;
  const reason = action.note ? `${action.note} (condition ${conditionName})` : `Workflow condition ${conditionName}`;
  if (action.type === "UPGRADE_TIER") {
    const currentNumber = current?.number ?? tiers[0]!.number;
    const to = action.toTierNumber !== undefined ? tiers.find((t) => t.number === action.toTierNumber) : tiers.find((t) => t.number > currentNumber);
    if (!to || to.number <= currentNumber) return [];
    return recordTierChange(tx, { orgId, setup, customerId, from: current, decision: { action: "UPGRADE", to, expiresAt: tierExpiry(tiers, to, now, setup.policy), note: "" }, cause: "WORKFLOW", reason, actor, now });
  }
  if (!current || isBase(tiers, current)) return [];
  const from = enrolment?.tierExpiresAt && enrolment.tierExpiresAt > now ? enrolment.tierExpiresAt : now;
  const expiresAt = action.validity ? addPeriod(from, action.validity.value, action.validity.unit) : tierExpiry(tiers, current, from, setup.policy);
  return recordTierChange(tx, { orgId, setup, customerId, from: current, decision: { action: "RENEWAL", to: current, expiresAt, note: "" }, cause: "WORKFLOW", reason, actor, now });
}
