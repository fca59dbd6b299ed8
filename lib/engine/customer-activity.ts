import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { rollOnEvent } from "@/lib/expiry/rolling";
import type { Prisma } from "@/lib/generated/prisma/client";
import { earn } from "@/lib/ledger/post";
import { getOrgConfigs } from "@/lib/org/configs";
import { resolvePrograms } from "@/lib/programs/resolve-programs";
import { loadDefaultExpiries } from "@/lib/programs/strategies/load";
import { evaluateTierAfterActivity, loadTierSetups, type TierChangeResult } from "@/lib/tiers/apply";
import { applyWorkflowTierAction } from "@/lib/tiers/workflow-actions";
import { emitEvent, hasSubscribers } from "@/lib/webhooks/outbox";
import { getLiveWorkflow, type LiveWorkflow } from "@/lib/workflows/live";
import { moveKpis, sideEffect, type PointsSideEffect } from "./commit";
import type { FieldDef } from "./extended-fields";
import type { EventCustomer, EventGroup, EventState } from "./load";
import { planAwards, type Warning } from "./plan";

// The customer activities (SPEC §5.2, seed 003 "Customer Registration" / "Customer updates"):
// `CustomerRegistration` runs in the programs a customer was just enrolled in, `CustomerUpdate` in
// every program of the till that sent the update. Each program's LIVE workflow for the activity
// runs as for a transaction (lib/engine/plan.ts, with no bill: currentTxn's value is 0 and its
// fields null), and its points go through lib/ledger with provenance, all inside the customer
// write's own transaction: the customer was created or changed in it, so everything is read
// through `tx` (on the embedded database a read on another connection would wait for this
// transaction). An update does not enrol (seed 003: enrolment in another brand waits for a
// transaction there), so a program's KPIs move only where the customer is enrolled.

type Tx = Prisma.TransactionClient;
export type CustomerActivity = "CustomerRegistration" | "CustomerUpdate";

export type CustomerActivityInput = {
  orgId: number;
  actor: Actor;
  customerId: number;
  activity: CustomerActivity;
  /** The programs the activity runs in (ids of this org). */
  programIds: readonly number[];
  /** The till whose store and zone conditions read (currentEvent location). */
  tillId: number | null;
  requestId: string;
};

export type CustomerActivityOutcome = { sideEffects: PointsSideEffect[]; warnings: Warning[]; tierChanges: TierChangeResult[] };

const NOTHING: CustomerActivityOutcome = { sideEffects: [], warnings: [], tierChanges: [] };

export async function runCustomerActivity(tx: Tx, input: CustomerActivityInput): Promise<CustomerActivityOutcome> {
  const { orgId, customerId, activity } = input;
  if (input.programIds.length === 0) return NOTHING;
  const lives = new Map<number, LiveWorkflow | null>();
  for (const programId of input.programIds) lives.set(programId, await getLiveWorkflow({ orgId, programId, client: tx }));
  // Without a LIVE workflow a program awards nothing for these activities (the default rate is for transactions only).
  if (![...lives.values()].some((l) => l !== null)) return NOTHING;

  const { customer, state } = await loadInTransaction(tx, input);
  const now = new Date();
  const { awards, warnings, tierActions } = planAwards({ activity, customer, state, lives, txn: { value: 0, discount: 0, grossAmount: null, fields: {} }, eventDate: now });

  const enrolled = state.enrolments;
  const tierSetups = await loadTierSetups(tx, orgId, [...enrolled.keys()]);
  const tierChanges: TierChangeResult[] = [];
  for (const program of state.programs) {
    if (!enrolled.has(program.id)) continue;
    const points = awards.filter((a) => a.owner.type === "CUSTOMER" && a.programId === program.id).reduce((s, a) => s + Number(a.points), 0);
    const kpis = await moveKpis(tx, { orgId, customerId, programId: program.id, purchases: 0, points, visits: 0 });
    const setup = tierSetups.get(program.id);
    if (!setup) continue;
    tierChanges.push(...(await evaluateTierAfterActivity(tx, { orgId, setup, enrolment: kpis, actor: input.actor, now, activity })));
    for (const t of tierActions.filter((t) => t.programId === program.id)) {
      tierChanges.push(...(await applyWorkflowTierAction(tx, { orgId, setup, customerId, action: t.action, conditionName: t.conditionName, actor: input.actor, now })));
    }
  }

  const defaultProgramId = state.defaultProgramId ?? null;
  const pointsByProgram = new Map<number, number>();
  for (const a of awards) pointsByProgram.set(a.sourceProgramId, (pointsByProgram.get(a.sourceProgramId) ?? 0) + Number(a.points));
  // Rolling expiry before the postings, as for a transaction: it locks the wallets in id order first.
  await rollOnEvent(tx, {
    orgId, customerId, event: activity, eventAt: now, configs: state.configs, programIds: state.programs.map((p) => p.id), pointsByProgram,
    group: state.group ? { id: state.group.id, programOf: (p) => (state.configs.CONF_ENABLE_GROUP_POINTS_BY_PROGRAM || defaultProgramId === null ? p : defaultProgramId) } : null,
  });

  const sourceType = activity === "CustomerRegistration" ? "CUSTOMER_REGISTRATION" : "CUSTOMER_UPDATE";
  const sideEffects: PointsSideEffect[] = [];
  for (const a of awards) {
    const r = await earn(tx, {
      orgId, programId: a.programId, owner: a.owner, points: a.points, lotKind: a.kind, earnedAt: now,
      expiresAt: a.expiresAt ? new Date(a.expiresAt) : null, rollingPeriod: a.rollingPeriod ?? null,
      provenance: { actor: input.actor, sourceType, sourceRef: `customer ${customerId} (request ${input.requestId})`, workflowVersionId: a.workflowVersionId, conditionId: a.conditionId, notes: a.conditionName },
    });
    sideEffects.push(sideEffect(a, Number(a.points), r.movementId));
  }
  // pointsIssued for each wallet credited, as a purchase's (lib/engine/events.ts), in the same transaction.
  if (sideEffects.length > 0 && (await hasSubscribers(tx, orgId, "pointsIssued"))) {
    for (const s of sideEffects) {
      await emitEvent(tx, {
        orgId, eventName: "pointsIssued", refId: `${orgId}_${customerId}`, requestId: input.requestId,
        data: { entityInformation: { entityId: s.ownerId, entityType: s.entityType === "USER" ? "CUSTOMER" : "USERGROUP2" }, loyaltyProgramId: s.programId, points: s.rawAwardedPoints, expiryDate: s.expiresOn, transactionId: null, activity, conditionName: s.conditionName },
      });
    }
  }
  return { sideEffects, warnings, tierChanges };
}

/** The customer and what their workflows read, through the write's transaction (the customer may be new in it). */
async function loadInTransaction(tx: Tx, input: CustomerActivityInput): Promise<{ customer: EventCustomer; state: EventState }> {
  const { orgId, customerId } = input;
  const [row, programs, configs, defs, till, enrolments, accounts, membership, defaultExpiries] = await Promise.all([
    tx.customer.findFirstOrThrow({
      where: { id: customerId, orgId },
      select: { id: true, firstName: true, lastName: true, joinedAt: true, extendedFields: true, identifiers: { where: { type: { in: ["EMAIL", "EXTERNAL_ID"] } }, select: { type: true, value: true } } },
    }),
    tx.program.findMany({ where: { orgId, OR: [{ id: { in: [...input.programIds] } }, { isDefault: true }] }, select: { id: true, name: true, isDefault: true }, orderBy: [{ isDefault: "desc" }, { id: "asc" }] }),
    getOrgConfigs(orgId, tx),
    tx.extendedFieldDef.findMany({ where: { orgId, scope: "TRANSACTION", active: true }, select: { name: true, type: true, allowedValues: true } }),
    input.tillId === null ? null : tx.till.findFirst({ where: { id: input.tillId, orgId }, select: { store: { select: { code: true, zone: { select: { code: true } } } } } }),
    tx.programEnrollment.findMany({
      where: { orgId, customerId, programId: { in: [...input.programIds] } },
      select: { programId: true, lifetimePurchases: true, lifetimePoints: true, visits: true, tier: { select: { number: true, name: true } } },
    }),
    tx.pointsAccount.findMany({ where: { orgId, ownerType: "CUSTOMER", ownerId: customerId }, select: { programId: true, balance: true } }),
    tx.groupMembership.findFirst({
      where: { orgId, customerId, exitedAt: null, defaultGroup: true, group: { status: "ACTIVE" } },
      select: { group: { select: { id: true, externalId: true, groupName: true, _count: { select: { memberships: { where: { exitedAt: null } } } } } } },
    }),
    loadDefaultExpiries(tx, orgId),
  ]);
  const defaultProgramId = programs.find((p) => p.isDefault)?.id ?? null;
  const runIn = new Set(input.programIds);
  const group: EventGroup | null = membership && configs.CONF_USER_GROUP_ENABLED
    ? { id: membership.group.id, externalId: membership.group.externalId, name: membership.group.groupName, size: membership.group._count.memberships, lifetimePurchases: 0 }
    : null;
  const balances = new Map(accounts.map((a) => [`CUSTOMER:${customerId}:${a.programId}`, Number(a.balance)]));
  if (group) {
    const groupAccounts = await tx.pointsAccount.findMany({ where: { orgId, ownerType: "USERGROUP", ownerId: group.id }, select: { programId: true, balance: true } });
    for (const a of groupAccounts) balances.set(`USERGROUP:${group.id}:${a.programId}`, Number(a.balance));
  }
  return {
    customer: {
      id: row.id, firstName: row.firstName, lastName: row.lastName, joinedAt: row.joinedAt,
      email: row.identifiers.find((i) => i.type === "EMAIL")?.value ?? null,
      externalId: row.identifiers.find((i) => i.type === "EXTERNAL_ID")?.value ?? null,
      extendedFields: (row.extendedFields ?? {}) as Record<string, unknown>,
    },
    state: {
      programs: programs.filter((p) => runIn.has(p.id)).map((p) => ({ ...p, via: null })),
      defaultProgramId,
      configs,
      txnFields: defs as FieldDef[],
      location: till ? { storeCode: till.store.code, zoneCode: till.store.zone.code } : {},
      enrolments: new Map(enrolments.map((e) => [e.programId, { lifetimePurchases: Number(e.lifetimePurchases), lifetimePoints: Number(e.lifetimePoints), visits: e.visits, tier: e.tier }])),
      balances,
      group,
      defaultExpiries,
    },
  };
}

/** The programs an update from this till runs CustomerUpdate in: the default program, plus the till's (read before the write's transaction). */
export async function updatePrograms(orgId: number, tillCode: string | null): Promise<number[]> {
  return (await resolvePrograms({ orgId, tillCode })).map((p) => p.id);
}

/**
 * The activities a customer write runs (POST /v2/customers, PUT /v2/customers/{id} and /lookup):
 * `CustomerRegistration` in each program the write enrolled the customer in, and for an update
 * `CustomerUpdate` in `updateProgramIds` (updatePrograms: the programs of the API client's till).
 */
export async function runCustomerWriteActivities(
  tx: Tx,
  w: { orgId: number; actor: Actor; customerId: number; enrolledProgramIds: readonly number[]; updateProgramIds: readonly number[] | null; tillId: number | null; requestId: string },
): Promise<CustomerActivityOutcome> {
  const common = { orgId: w.orgId, actor: w.actor, customerId: w.customerId, tillId: w.tillId, requestId: w.requestId };
  const registration = await runCustomerActivity(tx, { ...common, activity: "CustomerRegistration", programIds: w.enrolledProgramIds });
  if (w.updateProgramIds === null) return registration;
  const update = await runCustomerActivity(tx, { ...common, activity: "CustomerUpdate", programIds: w.updateProgramIds });
  return {
    sideEffects: [...registration.sideEffects, ...update.sideEffects],
    warnings: [...registration.warnings, ...update.warnings],
    tierChanges: [...registration.tierChanges, ...update.tierChanges],
  };
}
