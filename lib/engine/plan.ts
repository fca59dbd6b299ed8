import type { EvalContext } from "@/lib/expr";
import type { Owner, RollingPeriod } from "@/lib/ledger/types";
import { evaluateWorkflow } from "@/lib/workflows/evaluate";
import type { LiveWorkflow } from "@/lib/workflows/live";
import { formatFixed, percentOf, roundPoints, toFixed, ZERO } from "@/lib/workflows/points-math";
import type { ActivityCode, PointsKind, WorkflowAction } from "@/lib/workflows/schema";
import { fieldsForConditions, type FieldValue } from "./extended-fields";
import type { EventCustomer, EventState } from "./load";

// From an event to the points it earns (DESIGN §4 steps 2–4), without touching the database:
// each program's LIVE workflow for the activity, or — with none and the org's default rate on —
// seed 001's default: one rate to the member's wallet and to the group's. Writes come after.

export type PlannedAward = {
  /** The program whose rules awarded the points. */
  sourceProgramId: number;
  /** The program of the wallet: a group's wallet is the default program's unless CONF_ENABLE_GROUP_POINTS_BY_PROGRAM. */
  programId: number;
  owner: Owner;
  points: string;
  kind: PointsKind;
  expiresAt: string | null;
  /** Awarded under a rolling expiry condition: the period a rolling event re-applies (lib/expiry/rolling.ts). */
  rollingPeriod?: RollingPeriod;
  workflowVersionId: number | null;
  conditionId: string | null;
  conditionName: string;
};

export type Warning = { status: false; code: number; message: string };

/** A workflow's tier action (SPEC §5.4 "Upgrade tier / Renew tier"), applied by lib/tiers after the KPIs move. */
export type PlannedTierAction = { programId: number; action: Extract<WorkflowAction, { type: "UPGRADE_TIER" | "RENEW_TIER" }>; conditionName: string };

export type PlanInput = {
  activity: ActivityCode;
  customer: EventCustomer;
  state: EventState;
  lives: ReadonlyMap<number, LiveWorkflow | null>;
  txn: { value: number; discount: number; grossAmount: number | null; fields: Record<string, FieldValue> };
  eventDate: Date;
};

export function planAwards(input: PlanInput): { awards: PlannedAward[]; warnings: Warning[]; tierActions: PlannedTierAction[] } {
  const { state, customer } = input;
  // The default program's wallet holds group points; it is known even when the event does not run there.
  const defaultProgramId = state.defaultProgramId ?? state.programs.find((p) => p.isDefault)?.id ?? null;
  const groupProgramOf = (programId: number) => (state.configs.CONF_ENABLE_GROUP_POINTS_BY_PROGRAM ? programId : (defaultProgramId ?? programId));
  const awards: PlannedAward[] = [];
  const warnings: Warning[] = [];
  const tierActions: PlannedTierAction[] = [];

  for (const program of state.programs) {
    const live = input.lives.get(program.id) ?? null;
    const context = contextFor(input, program.id, groupProgramOf(program.id));
    const common = { sourceProgramId: program.id, workflowVersionId: live?.versionId ?? null };
    const toWallet = (wallet: "INDIVIDUAL" | "USER_GROUP", kind: PointsKind, points: string, expiresAt: string | null, conditionId: string | null, conditionName: string, rollingPeriod?: RollingPeriod) => {
      if (Number(points) <= 0) return;
      const base = { ...common, ...(rollingPeriod ? { rollingPeriod } : {}) };
      if (wallet === "INDIVIDUAL") {
        awards.push({ ...base, programId: program.id, owner: { type: "CUSTOMER", id: customer.id }, points, kind, expiresAt, conditionId, conditionName });
      } else if (!state.group) {
        warnings.push({ status: false, code: 877, message: `Unable to allocate points: customer ${customer.id} is in no user group (condition ${conditionName}).` });
      } else if (kind === "PROMOTIONAL") {
        // DESIGN §3 invariant 6: promotional points never go to a group wallet.
        warnings.push({ status: false, code: 877, message: `Unable to allocate points: promotional points never go to a group wallet (condition ${conditionName}).` });
      } else {
        awards.push({ ...base, programId: groupProgramOf(program.id), owner: { type: "USERGROUP", id: state.group.id }, points, kind, expiresAt, conditionId, conditionName });
      }
    };

    if (live) {
      const programDefaultExpiry = state.defaultExpiries?.get(program.id);
      const outcome = evaluateWorkflow(live.workflow, {
        activity: input.activity, context, eventDate: input.eventDate, location: state.location,
        ...(programDefaultExpiry ? { programDefaultExpiry } : {}),
      });
      for (const a of outcome.allocations) toWallet(a.wallet, a.kind, a.points, a.expiry.expiresAt, a.conditionId, a.conditionName, a.expiry.rollingPeriod);
      for (const a of outcome.actions) {
        if (a.action.type === "UPGRADE_TIER" || a.action.type === "RENEW_TIER") tierActions.push({ programId: program.id, action: a.action, conditionName: a.conditionName });
      }
    } else if (input.activity === "TransactionAdd" && state.configs.CONF_DEFAULT_POINTS_ON_TRANSACTION) {
      const points = formatFixed(roundPoints(percentOf(toFixed(input.txn.value) ?? ZERO, toFixed(state.configs.CONF_DEFAULT_POINTS_PERCENT) ?? ZERO), "FLOOR"));
      toWallet("INDIVIDUAL", "REGULAR", points, null, null, "Default rate");
      if (state.group) toWallet("USER_GROUP", "REGULAR", points, null, null, "Default rate");
    }
  }
  // Customer wallets before group wallets, each in program order: one lock order for every writer.
  awards.sort((a, b) => Number(a.owner.type === "USERGROUP") - Number(b.owner.type === "USERGROUP") || a.programId - b.programId);
  return { awards, warnings, tierActions };
}

/** What conditions read (SPEC §5.3): the program's KPIs for currentCustomer; absent declared fields are null. */
function contextFor(input: PlanInput, programId: number, groupProgramId: number): EvalContext {
  const { customer, state, txn } = input;
  const kpis = state.enrolments.get(programId);
  const group = state.group;
  return {
    currentTxn: { value: txn.value, discount: txn.discount, grossAmount: txn.grossAmount, points: 0, ...fieldsForConditions(state.txnFields, txn.fields) },
    currentCustomer: {
      name: `${customer.firstName} ${customer.lastName}`.trim(),
      firstname: customer.firstName,
      lastname: customer.lastName,
      email: customer.email,
      externalId: customer.externalId,
      currentPoints: state.balances.get(`CUSTOMER:${customer.id}:${programId}`) ?? 0,
      lifetimePoints: kpis?.lifetimePoints ?? 0,
      lifetimePurchases: kpis?.lifetimePurchases ?? 0,
      numberOfTransactions: kpis?.visits ?? 0,
      slabName: kpis?.tier?.name ?? null,
      slabNumber: kpis?.tier?.number ?? null,
      joinDate: customer.joinedAt,
      isGroupMember: group !== null,
      ...Object.fromEntries(Object.entries(customer.extendedFields).map(([k, v]) => [`extField_${k}`, v])),
    },
    currentUserGroup: group
      ? { id: group.id, name: group.name, externalId: group.externalId, size: group.size, currentPoints: state.balances.get(`USERGROUP:${group.id}:${groupProgramId}`) ?? 0, lifetimePurchases: group.lifetimePurchases }
      : {},
    currentEvent: { isGroupProgramRedemption: false },
  };
}
