import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { sqlRowsOn } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Roll } from "@/lib/expiry/rolling";
import { driverError, mapLedgerError } from "@/lib/ledger/errors";
import { earn, earnPayload } from "@/lib/ledger/post";
import type { EnrolmentTierState } from "@/lib/tiers/apply";
import { txnError } from "./errors";
import type { FieldValue } from "./extended-fields";
import type { PlannedAward } from "./plan";
import type { TransactionBody } from "./transaction-schema";

// The writes of a purchase, in one transaction and in this order (DESIGN §4 step 4): the bill
// (its number is the natural key: a second one is 604), the enrolments and their KPIs, then the
// ledger postings last, so the wallet rows are locked only for the end of the transaction.

export type Tx = Prisma.TransactionClient;

export type PointsSideEffect = {
  type: "points";
  entityType: "USER" | "USERGROUP2";
  awardedPoints: number;
  rawAwardedPoints: number;
  programId: number;
  ownerId: number;
  conditionName: string;
  expiresOn: string | null;
  movementId: number;
};

export async function insertBill(
  tx: Tx,
  bill: { orgId: number; customerId: number; tillId: number | null; body: TransactionBody; fields: Record<string, FieldValue>; billedAt: Date; programIds: number[]; type: "REGULAR" | "RETURN"; amount: number; originalId?: number; returnType?: string; lineItems?: unknown[] },
): Promise<{ id: number }> {
  try {
    return await tx.transaction.create({
      data: {
        orgId: bill.orgId,
        customerId: bill.customerId,
        tillId: bill.tillId,
        type: bill.type,
        number: bill.body.billNumber.trim(),
        amount: bill.amount,
        grossAmount: bill.body.grossAmount ?? null,
        discount: bill.body.discount ?? 0,
        billedAt: bill.billedAt,
        extendedFields: bill.fields as Prisma.InputJsonValue,
        lineItems: (bill.lineItems ?? bill.body.lineItemsV2 ?? []) as Prisma.InputJsonValue,
        programIds: bill.programIds,
        originalId: bill.originalId ?? null,
        returnType: bill.returnType ?? null,
      },
      select: { id: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw txnError(604, [], { field: "billNumber" });
    throw error;
  }
}

/**
 * Enrols the customer where they are not yet (a first transaction enrols, SPEC §6) and moves the
 * program's KPIs; answers the KPIs after the move, which the tier evaluation reads (lib/tiers).
 */
export async function moveKpis(tx: Tx, { orgId, customerId, programId, purchases, points, visits }: { orgId: number; customerId: number; programId: number; purchases: number; points: number; visits: number }): Promise<EnrolmentTierState> {
  const row = await tx.programEnrollment.upsert({
    where: { programId_customerId: { programId, customerId } },
    create: { orgId, programId, customerId, lifetimePurchases: purchases, lifetimePoints: points, visits: Math.max(visits, 0) },
    update: { lifetimePurchases: { increment: purchases }, lifetimePoints: { increment: points }, visits: { increment: visits } },
    select: { tierId: true, lifetimePurchases: true, lifetimePoints: true, tierReassessOnNextActivity: true },
  });
  return { customerId, tierId: row.tierId, lifetimePurchases: Number(row.lifetimePurchases), lifetimePoints: Number(row.lifetimePoints), reassess: row.tierReassessOnNextActivity };
}

export async function postAwards(
  tx: Tx,
  { orgId, awards, transactionId, billNumber, actor, requestId, earnedAt }: { orgId: number; awards: PlannedAward[]; transactionId: number; billNumber: string; actor: Actor; requestId: string; earnedAt: Date },
): Promise<PointsSideEffect[]> {
  const effects: PointsSideEffect[] = [];
  for (const a of awards) {
    const r = await earn(tx, {
      orgId,
      programId: a.programId,
      owner: a.owner,
      points: a.points,
      lotKind: a.kind,
      earnedAt,
      expiresAt: a.expiresAt ? new Date(a.expiresAt) : null,
      rollingPeriod: a.rollingPeriod ?? null,
      provenance: { actor, sourceType: "TRANSACTION", sourceRef: `${billNumber} (request ${requestId})`, transactionId, workflowVersionId: a.workflowVersionId, conditionId: a.conditionId, notes: a.conditionName },
    });
    effects.push(sideEffect(a, Number(a.points), r.movementId));
  }
  return effects;
}

export function sideEffect(
  a: { owner: PlannedAward["owner"]; programId: number; conditionName: string; expiresAt: string | null },
  raw: number,
  movementId: number,
): PointsSideEffect {
  return {
    type: "points",
    entityType: a.owner.type === "CUSTOMER" ? "USER" : "USERGROUP2",
    // §C.1: awardedPoints is the integer part of rawAwardedPoints (480.8 → 480).
    awardedPoints: Math.trunc(raw),
    rawAwardedPoints: raw,
    programId: a.programId,
    ownerId: a.owner.id,
    conditionName: a.conditionName,
    expiresOn: a.expiresAt ? a.expiresAt.slice(0, 10) : null,
    movementId,
  };
}

const BILL_COMMIT = "SELECT bill_commit($1::jsonb) AS r";

/**
 * A purchase's writes as one database call, bill_commit (migration 20261201200243_bill_commit):
 * the bill, each program's KPIs, the rolls, the awards' postings, in that order. For a bill with
 * no tier to evaluate and no webhook to write (add-transaction.ts decides): one round trip where
 * the interactive transaction made six or more.
 */
export async function commitBill(
  tx: Pick<Tx, "$queryRawUnsafe">,
  b: {
    orgId: number; customerId: number; tillId: number | null; body: TransactionBody; fields: Record<string, FieldValue>; billedAt: Date; programIds: number[];
    kpis: { programId: number; purchases: number; points: number; visits: number }[];
    rolls: Roll[];
    awards: PlannedAward[];
    actor: Actor; requestId: string;
  },
): Promise<{ billId: number; movementIds: number[] }> {
  const payload = {
    orgId: b.orgId, customerId: b.customerId, tillId: b.tillId, number: b.body.billNumber.trim(), amount: b.body.billAmount,
    grossAmount: b.body.grossAmount ?? null, discount: b.body.discount ?? 0, billedAt: b.billedAt.toISOString(),
    extendedFields: b.fields, lineItems: b.body.lineItemsV2 ?? [], programIds: b.programIds, kpis: b.kpis,
    rolls: b.rolls.map((r) => ({ ownerType: r.owners[0]!.type, ownerId: r.owners[0]!.id, programIds: r.programIds, eventAt: b.billedAt.toISOString(), unit: r.override?.unit ?? null, value: r.override?.value ?? null })),
    awards: b.awards.map((a) => ({
      post: earnPayload({
        orgId: b.orgId, programId: a.programId, owner: a.owner, points: a.points, lotKind: a.kind, earnedAt: b.billedAt, expiresAt: a.expiresAt ? new Date(a.expiresAt) : null,
        provenance: { actor: b.actor, sourceType: "TRANSACTION", sourceRef: `${b.body.billNumber} (request ${b.requestId})`, workflowVersionId: a.workflowVersionId, conditionId: a.conditionId, notes: a.conditionName },
      }),
      rolling: a.rollingPeriod ?? null,
    })),
  };
  try {
    const rows = await sqlRowsOn<{ r: { billId: number; movementIds: number[] } }>(tx, BILL_COMMIT, [JSON.stringify(payload)]);
    return rows[0]!.r;
  } catch (error) {
    const found = driverError(error);
    if (found?.code === "23505" && found.message.includes("Transaction_one_purchase_per_number")) throw txnError(604, [], { field: "billNumber" });
    throw mapLedgerError(error);
  }
}
