import "server-only";
import { singleStatement, type Answer, type Work } from "@/lib/api/idempotency";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { cachedPerOrg } from "@/lib/org/cache";
import { evaluateTierAfterActivity, loadTierSetups, type TierChangeResult } from "@/lib/tiers/apply";
import { tierChangeJson } from "@/lib/tiers/json";
import { applyWorkflowTierAction } from "@/lib/tiers/workflow-actions";
import { getLiveWorkflow, type LiveWorkflow } from "@/lib/workflows/live";
import { commitBill, insertBill, moveKpis, postAwards, sideEffect } from "./commit";
import { emitTransactionEvents } from "./events";
import { checkTransactionFields } from "./extended-fields";
import { loadEventMember, loadEventState } from "./load";
import { rollOnEvent, rollsOf, type RollOnEventArgs } from "@/lib/expiry/rolling";
import { subscribedEvents } from "@/lib/webhooks/outbox";
import { planAwards, type PlannedAward } from "./plan";
import { commitReturn } from "./returns";
import type { TransactionBody, TransactionIdentifier } from "./transaction-schema";

// POST /v2/transactions (SPEC-vendor-api §C.1, DESIGN §4): resolve the customer and programs, run
// each program's LIVE workflow, then write the bill, KPIs and ledger postings in one transaction.
// prepareTransaction does every read and decision first and returns the work that writes, so the
// write transaction is short and holds wallet locks only at its end.

export type TransactionRequest = {
  orgId: number;
  actor: Actor;
  till: { id: number | null; code: string | null };
  customer: { identifierName: TransactionIdentifier; identifierValue: string };
  body: TransactionBody;
  requestId: string;
};

export type TransactionAnswer = {
  createdId: number;
  warnings: { status: false; code: number; message: string }[];
  errors: never[];
  sideEffects: ReturnType<typeof Object>[];
};

export async function prepareTransaction(req: TransactionRequest): Promise<Work> {
  const { body, orgId } = req;
  if (body.type === "NOT_INTERESTED" || body.type === "NOT_INTERESTED_RETURN") {
    throw new AppError("INVALID", "Transaction addition failed for not interested: this console records loyalty bills only.", { code: 645, field: "type" });
  }
  const member = await loadEventMember(orgId, req.customer.identifierName, req.customer.identifierValue, body);
  const customer = member.customer;
  const billedAt = body.billingDate ? new Date(body.billingDate) : new Date();
  const cardNumber = req.customer.identifierName === "cardnumber" ? req.customer.identifierValue : null;

  if (body.type === "RETURN") {
    // Returns run in the original purchase's programs; their checks need the bill's row lock, so
    // they read inside the transaction (lib/engine/returns.ts).
    const state = await loadEventState({ orgId, customerId: customer.id, tillId: req.till.id, tillCode: req.till.code, cardNumber, body, member });
    const fields = checkTransactionFields(state.txnFields, body.extendedFields);
    return async (tx) => {
      const r = await commitReturn(tx, { orgId, customerId: customer.id, tillId: req.till.id, body, fields, billedAt, actor: req.actor, requestId: req.requestId });
      return answer(r.createdId, [], r.sideEffects);
    };
  }

  const state = await loadEventState({ orgId, customerId: customer.id, tillId: req.till.id, tillCode: req.till.code, cardNumber, body, member });
  const fields = checkTransactionFields(state.txnFields, body.extendedFields);
  const [lives, tierSetups] = await Promise.all([
    Promise.all(state.programs.map(async (p) => [p.id, await getLiveWorkflow({ orgId, programId: p.id })] as const)).then((pairs) => new Map<number, LiveWorkflow | null>(pairs)),
    cachedPerOrg(orgId, `tiers:setups:${state.programs.map((p) => p.id).join(",")}`, () => loadTierSetups(db, orgId, state.programs.map((p) => p.id))),
  ]);
  const { awards, warnings, tierActions } = planAwards({
    activity: "TransactionAdd",
    customer,
    state,
    lives,
    txn: { value: body.billAmount, discount: body.discount ?? 0, grossAmount: body.grossAmount ?? null, fields },
    eventDate: billedAt,
  });

  const defaultProgramId = state.programs.find((p) => p.isDefault)?.id ?? 0;
  const kpis = state.programs.map((program) => ({
    programId: program.id, purchases: body.billAmount, visits: 1,
    points: awards.filter((a) => a.owner.type === "CUSTOMER" && a.programId === program.id).reduce((s, a) => s + Number(a.points), 0),
  }));
  const rolling: RollOnEventArgs = {
    orgId, customerId: customer.id, event: "TransactionAdd", eventAt: billedAt, configs: state.configs,
    programIds: state.programs.map((p) => p.id), pointsByProgram: eventPoints(awards),
    group: state.group ? { id: state.group.id, programOf: (p) => (state.configs.CONF_ENABLE_GROUP_POINTS_BY_PROGRAM ? p : defaultProgramId) } : null,
  };
  // With no tier to evaluate on the new KPIs and no webhook to write, the bill's writes are one
  // database call (bill_commit), its own transaction when there is no Idempotency-Key to store.
  const wanted = await subscribedEvents(db, orgId);
  const noTiers = state.programs.every((p) => !tierSetups.get(p.id));
  if (noTiers && !wanted.has("transactionAdded") && !wanted.has("pointsIssued")) {
    return singleStatement(async (tx) => {
      const written = await commitBill(tx, {
        orgId, customerId: customer.id, tillId: req.till.id, body, fields, billedAt, programIds: state.programs.map((p) => p.id),
        kpis, rolls: rollsOf(rolling, state.configs), awards, actor: req.actor, requestId: req.requestId,
      });
      return answer(written.billId, warnings, awards.map((a, i) => sideEffect(a, Number(a.points), written.movementIds[i]!)));
    });
  }
  return async (tx) => {
    const bill = await insertBill(tx, { orgId, customerId: customer.id, tillId: req.till.id, body, fields, billedAt, programIds: state.programs.map((p) => p.id), type: "REGULAR", amount: body.billAmount });
    const tierChanges: TierChangeResult[] = [];
    for (const program of state.programs) {
      const moved = await moveKpis(tx, { orgId, customerId: customer.id, ...kpis.find((k) => k.programId === program.id)! });
      const setup = tierSetups.get(program.id);
      if (!setup) continue;
      // DESIGN §4 step 4: tiers are evaluated in the same transaction as the points that move them.
      const now = new Date();
      tierChanges.push(...(await evaluateTierAfterActivity(tx, { orgId, setup, enrolment: moved, actor: req.actor, now, activity: "TransactionAdd" })));
      for (const t of tierActions.filter((t) => t.programId === program.id)) {
        tierChanges.push(...(await applyWorkflowTierAction(tx, { orgId, setup, customerId: customer.id, action: t.action, conditionName: t.conditionName, actor: req.actor, now })));
      }
    }
    // Rolling expiry first: it locks the member's wallets in id order before the postings do.
    await rollOnEvent(tx, rolling);
    const sideEffects = await postAwards(tx, { orgId, awards, transactionId: bill.id, billNumber: body.billNumber, actor: req.actor, requestId: req.requestId, earnedAt: billedAt });
    await emitTransactionEvents(tx, { orgId, customerId: customer.id, transactionId: bill.id, billNumber: body.billNumber, amount: body.billAmount, requestId: req.requestId, sideEffects });
    return answer(bill.id, warnings, sideEffects, tierChanges);
  };
}

/** Points the event awards (member's and group's wallets), by the program whose rules awarded them. */
function eventPoints(awards: PlannedAward[]): Map<number, number> {
  const by = new Map<number, number>();
  for (const a of awards) by.set(a.sourceProgramId, (by.get(a.sourceProgramId) ?? 0) + Number(a.points));
  return by;
}

function answer(createdId: number, warnings: TransactionAnswer["warnings"], sideEffects: object[], tierChanges: TierChangeResult[] = []): Answer {
  // tierChanges is ours (beside the vendor's fields): every tier change the bill caused, with any
  // group members who followed the customer's tier.
  return { status: 200, body: { createdId, warnings, errors: [], sideEffects, ...(tierChanges.length > 0 ? { tierChanges: tierChanges.map(tierChangeJson) } : {}) } };
}
