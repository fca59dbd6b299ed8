import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/org/audit";
import { findEventCustomer } from "@/lib/engine/load";
import { addPeriod } from "@/lib/workflows/expiry";
import { loadTierSetups, recordTierChange, type TierChangeResult } from "./apply";
import { tierError } from "./errors";
import { byNumber, isBase, type TierDecision, type TierDef } from "./rules";
import type { ManualSlabBody, ManualSlabQuery } from "./schema";

// POST /v2/slab/manualSlabAdjustment (SPEC §4.1): an agent or an integration moves a customer's
// tier by the tier's NAME (seed 000: "do not use the tier number"), for a validity, with a reason.
// The same function serves Member Care's tier adjustment.

export type ManualSlabResult = {
  customerId: number;
  programId: number;
  slabAction: ManualSlabBody["slabAction"];
  previousSlab: { number: number; name: string } | null;
  currentSlab: { number: number; name: string };
  tierExpiryDate: string | null;
  reassessTierOnNextActivity: boolean;
  /** Every change written, the customer's first, then any group members who follow them. */
  changes: TierChangeResult[];
};

export async function manualSlabAdjustment({ orgId, actor, query, body, now = new Date() }: { orgId: number; actor: Actor; query: ManualSlabQuery; body: ManualSlabBody; now?: Date }): Promise<ManualSlabResult> {
  if (query.type === "USERGROUP2") throw tierError(1801, [], "type");
  const customer = await findEventCustomer(orgId, query.identifierName, query.identifierValue);
  return db.$transaction((tx) => applyManualSlab(tx, { orgId, actor, customerId: customer.id, body, now }));
}

/**
 * The adjustment's writes for a customer already found, in the caller's transaction: Member Care
 * runs them inside its idempotent submit (lib/tiers/member-care-adjustment.ts), the API in its own.
 */
export async function applyManualSlab(
  tx: Prisma.TransactionClient,
  { orgId, actor, customerId, body, now }: { orgId: number; actor: Actor; customerId: number; body: ManualSlabBody; now: Date },
): Promise<ManualSlabResult> {
  const setups = await loadTierSetups(tx, orgId, [body.programId]);
  const program = await tx.program.findFirst({ where: { id: body.programId, orgId }, select: { id: true, name: true } });
  if (!program) throw tierError(1213, [], "programId");
  const setup = setups.get(program.id);
  if (!setup) throw tierError(1811, [program.name], "programId");
  // Locks the enrolment: two adjustments of one member queue up instead of both reading the old tier.
  const rows = await tx.$queryRaw<{ tierId: number | null; tierExpiresAt: Date | null }[]>`
    SELECT "tierId", "tierExpiresAt" FROM "ProgramEnrollment" WHERE "programId" = ${program.id} AND "customerId" = ${customerId} FOR UPDATE`;
  const enrolment = rows[0];
  if (!enrolment) throw tierError(1810, [customerId, program.name]);
  const tiers = byNumber(setup.tiers);
  const current = tiers.find((t) => t.id === enrolment.tierId) ?? null;
  const decision = decide({ body, tiers, current, currentExpiry: enrolment.tierExpiresAt, programName: program.name, now });
  const reason = body.slabChangeReason || `Manual ${body.slabAction.toLowerCase().replaceAll("_", " ")}`;
  const changes = await recordTierChange(tx, { orgId, setup, customerId, from: current, decision, cause: "MANUAL", reason, actor, now });
  // An agent's or an integration's hand on a tier is audited with the change, in its transaction.
  await recordAudit(tx, {
    orgId, actor, action: "tier.adjust", entityType: "Customer", entityId: customerId,
    before: { programId: program.id, tier: current?.name ?? null, expiresAt: enrolment.tierExpiresAt },
    after: { programId: program.id, action: body.slabAction, tier: decision.to.name, expiresAt: decision.expiresAt, reason },
  });
  if (body.reassessTierOnNextActivity) {
    await tx.programEnrollment.update({ where: { programId_customerId: { programId: program.id, customerId } }, data: { tierReassessOnNextActivity: true } });
  }
  return {
    customerId,
    programId: program.id,
    slabAction: body.slabAction,
    previousSlab: current ? { number: current.number, name: current.name } : null,
    currentSlab: { number: decision.to.number, name: decision.to.name },
    tierExpiryDate: decision.expiresAt?.toISOString() ?? null,
    reassessTierOnNextActivity: body.reassessTierOnNextActivity,
    changes,
  };
}

function decide({ body, tiers, current, currentExpiry, programName, now }: { body: ManualSlabBody; tiers: TierDef[]; current: TierDef | null; currentExpiry: Date | null; programName: string; now: Date }): TierDecision {
  const action = body.slabAction;
  if (action === "UPGRADE" || action === "DOWNGRADE") {
    if (!body.toSlabName) throw tierError(1802, [action], "toSlabName");
    const to = tiers.find((t) => t.name.toLowerCase() === body.toSlabName!.toLowerCase());
    if (!to) {
      const byNum = /^\d+$/.test(body.toSlabName) ? tiers.find((t) => t.number === Number(body.toSlabName)) : undefined;
      if (byNum) throw tierError(1804, [byNum.number, programName, byNum.name], "toSlabName");
      throw tierError(1803, [body.toSlabName, programName, tiers.map((t) => t.name).join(", ")], "toSlabName");
    }
    const currentNumber = current?.number ?? tiers[0]!.number;
    if (action === "UPGRADE" && to.number <= currentNumber) throw tierError(1805, [current?.name ?? tiers[0]!.name], "toSlabName");
    if (action === "DOWNGRADE" && to.number >= currentNumber) throw tierError(1806, [current?.name ?? tiers[0]!.name], "toSlabName");
    return { action, to, expiresAt: isBase(tiers, to) ? null : validityEnd(body, now), note: "" };
  }
  if (!current) throw tierError(1812, [programName, action]);
  if (isBase(tiers, current)) throw tierError(1807, [current.name, action === "RENEWAL" ? "renew" : "extend"]);
  const expiresAt = validityEnd(body, now);
  if (action === "EXTEND_CURRENT_TIER_EXPIRY_DATE" && currentExpiry && expiresAt <= currentExpiry) {
    throw tierError(1809, [day(expiresAt), day(currentExpiry)], "manualSlabActionValidityUpto");
  }
  return { action, to: current, expiresAt, note: "" };
}

/** FIXED_DURATION: a number of days from now; FIXED_DATE: a date in the future (end of that day, UTC). */
function validityEnd(body: ManualSlabBody, now: Date): Date {
  const raw = String(body.manualSlabActionValidityUpto).trim();
  if (body.manualSlabActionValidity === "FIXED_DURATION") {
    if (!/^\d{1,5}$/.test(raw) || Number(raw) < 1) throw tierError(1808, ["a whole number of days of at least 1 for FIXED_DURATION"], "manualSlabActionValidityUpto");
    return addPeriod(now, Number(raw), "DAYS");
  }
  const date = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? new Date(`${raw}T23:59:59.999Z`) : /^\d{12,14}$/.test(raw) ? new Date(Number(raw)) : new Date(raw);
  if (Number.isNaN(date.getTime()) || date <= now) throw tierError(1808, ["a future date (YYYY-MM-DD) for FIXED_DATE"], "manualSlabActionValidityUpto");
  return date;
}

const day = (d: Date) => d.toISOString().slice(0, 10);
