import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { isInsufficientPoints } from "@/lib/ledger/errors";
import { debit } from "@/lib/ledger/post";
import { insertBill, moveKpis, sideEffect, type PointsSideEffect, type Tx } from "./commit";
import { txnError } from "./errors";
import type { FieldValue } from "./extended-fields";
import type { LineItem, TransactionBody } from "./transaction-schema";

// A return (SPEC-vendor-api §C.3, SPEC §5.2): it runs in the program(s) of the original purchase,
// whatever till sends it, and claws back from each wallet the purchase credited the share of its
// points that the returned amount is of the bill. Shares are cumulative (what all returns so far
// took back, less what earlier returns already took), so partial returns never drift by rounding.
// A group wallet may go below zero (SPEC §1); a customer's may not (637).

const SCALE = 10_000n;

export async function commitReturn(
  tx: Tx,
  r: { orgId: number; customerId: number; tillId: number | null; body: TransactionBody; fields: Record<string, FieldValue>; billedAt: Date; actor: Actor; requestId: string },
): Promise<{ createdId: number; sideEffects: PointsSideEffect[] }> {
  const number = r.body.billNumber.trim();
  const returnType = r.body.returnType!;
  const original = await tx.transaction.findFirst({
    where: { orgId: r.orgId, type: "REGULAR", number },
    select: { id: true, customerId: true, amount: true, lineItems: true, programIds: true },
  });
  if (!original) throw txnError(625, [], { field: "billNumber" });
  if (original.customerId !== r.customerId) throw txnError(668, [], { field: "billNumber" });
  // One return of a bill at a time: the checks below must see every committed return of it.
  await tx.$queryRaw`SELECT id FROM "Transaction" WHERE id = ${original.id} FOR UPDATE`;
  const prior = await tx.transaction.findMany({ where: { orgId: r.orgId, originalId: original.id, type: "RETURN" }, select: { id: true, amount: true, returnType: true, lineItems: true } });

  const types = new Set(prior.map((p) => p.returnType));
  if (types.has("CANCELLED")) throw txnError(614);
  if (types.has("FULL")) throw txnError(633);
  if ((returnType === "FULL" || returnType === "CANCELLED") && prior.length > 0) throw txnError(639);
  if (returnType === "AMOUNT" && types.has("LINE_ITEM")) throw txnError(635);
  if (returnType === "LINE_ITEM" && types.has("AMOUNT")) throw txnError(632);

  const originalAmount = toUnits(original.amount);
  const priorAmount = prior.reduce((sum, p) => sum + toUnits(p.amount), 0n);
  let amount: bigint;
  let lines: LineItem[] | undefined;
  if (returnType === "FULL" || returnType === "CANCELLED") amount = originalAmount;
  else if (returnType === "AMOUNT") amount = toUnits(r.body.billAmount);
  else ({ amount, lines } = returnedLines(r.body.lineItemsV2 ?? [], asLines(original.lineItems), prior.flatMap((p) => asLines(p.lineItems))));
  if (priorAmount + amount > originalAmount) throw txnError(630, [], { field: returnType === "LINE_ITEM" ? "lineItemsV2" : "billAmount" });

  const bill = await insertBill(tx, {
    orgId: r.orgId, customerId: r.customerId, tillId: r.tillId, body: r.body, fields: r.fields, billedAt: r.billedAt, programIds: original.programIds,
    type: "RETURN", amount: Number(amount) / Number(SCALE), originalId: original.id, returnType, ...(lines ? { lineItems: lines } : {}),
  });

  const wallets = await walletsOf(tx, r.orgId, original.id, prior.map((p) => p.id));
  const share = (earned: bigint) => (returnType === "FULL" || returnType === "CANCELLED" || originalAmount === 0n ? earned : (earned * (priorAmount + amount)) / originalAmount);
  const effects: PointsSideEffect[] = [];
  const clawedByProgram = new Map<number, number>();
  for (const w of wallets) {
    const take = share(w.earned) - w.returned;
    if (take <= 0n) continue;
    const points = Number(take) / Number(SCALE);
    const owner = { type: w.ownerType, id: w.ownerId } as const;
    try {
      const posted = await debit(tx, {
        orgId: r.orgId, programId: w.programId, owner, points: points.toFixed(4), kind: "RETURN", preferLotsOf: w.earnMovements,
        provenance: { actor: r.actor, sourceType: "TRANSACTION", sourceRef: `${number} (return, request ${r.requestId})`, transactionId: bill.id, notes: `Return (${returnType}) of bill ${number}` },
      });
      effects.push(sideEffect({ owner, programId: w.programId, conditionName: "Return", expiresAt: null }, -points, posted.movementId));
    } catch (error) {
      if (isInsufficientPoints(error)) throw txnError(637, [], { detail: `The customer's points in program ${w.programId} are already spent.` });
      throw error;
    }
    if (w.ownerType === "CUSTOMER") clawedByProgram.set(w.programId, (clawedByProgram.get(w.programId) ?? 0) + points);
  }
  for (const programId of original.programIds) {
    await moveKpis(tx, { orgId: r.orgId, customerId: r.customerId, programId, purchases: -Number(amount) / Number(SCALE), points: -(clawedByProgram.get(programId) ?? 0), visits: 0 });
  }
  return { createdId: bill.id, sideEffects: effects };
}

type Wallet = { programId: number; ownerType: "CUSTOMER" | "USERGROUP"; ownerId: number; earned: bigint; returned: bigint; earnMovements: number[] };

/** Each wallet the purchase credited: what it earned there (unreversed) and what returns took back so far. */
async function walletsOf(tx: Tx, orgId: number, originalId: number, priorReturnIds: number[]): Promise<Wallet[]> {
  const ids = [originalId, ...priorReturnIds];
  const rows = await tx.$queryRaw<{ id: number; kind: string; programId: number; ownerType: "CUSTOMER" | "USERGROUP"; ownerId: number; amount: Prisma.Decimal }[]>`
    SELECT m.id, m.kind::text AS kind, m."programId", a."ownerType"::text AS "ownerType", a."ownerId", p.amount
    FROM "Movement" m
    JOIN "Posting" p ON p."movementId" = m.id
    JOIN "PointsAccount" a ON a.id = p."accountId" AND a."ownerType" <> 'SYSTEM'
    WHERE m."orgId" = ${orgId} AND m."transactionId" IN (${Prisma.join(ids)}) AND m.kind IN ('EARN', 'RETURN')
      AND NOT EXISTS (SELECT 1 FROM "Movement" r WHERE r."reversesId" = m.id)
    ORDER BY m.id`;
  const byWallet = new Map<string, Wallet>();
  for (const row of rows) {
    const key = `${row.ownerType}:${row.ownerId}:${row.programId}`;
    const w = byWallet.get(key) ?? { programId: row.programId, ownerType: row.ownerType, ownerId: row.ownerId, earned: 0n, returned: 0n, earnMovements: [] };
    const units = toUnits(row.amount);
    if (row.kind === "EARN") {
      w.earned += units;
      w.earnMovements.push(row.id);
    } else w.returned -= units;
    byWallet.set(key, w);
  }
  // Customers before groups, by program: the lock order every writer keeps.
  return [...byWallet.values()].sort((a, b) => Number(a.ownerType === "USERGROUP") - Number(b.ownerType === "USERGROUP") || a.programId - b.programId);
}

/** LINE_ITEM: each returned line matched to a purchased one by item code (and serial when given). */
function returnedLines(requested: LineItem[], purchased: LineItem[], returnedBefore: LineItem[]): { amount: bigint; lines: LineItem[] } {
  let amount = 0n;
  requested.forEach((line, i) => {
    const match = purchased.find((p) => p.itemCode === line.itemCode && (line.serial === undefined || String(p.serial) === String(line.serial)));
    if (!match || !line.itemCode) throw new AppError("INVALID", `No matching line-item found for return: ${line.itemCode ?? "(no item code)"}.`, { code: 688, field: `lineItemsV2.${i}.itemCode` });
    const boughtQty = match.qty ?? 1;
    const qty = line.qty ?? boughtQty;
    const before = [...returnedBefore, ...requested.slice(0, i)].filter((p) => p.itemCode === line.itemCode).reduce((s, p) => s + (p.qty ?? boughtQty), 0);
    if (qty + before > boughtQty) throw txnError(qty > boughtQty ? 626 : 629, [], { field: `lineItemsV2.${i}.qty` });
    const lineAmount = match.amount ?? match.value ?? 0;
    amount += line.amount !== undefined ? toUnits(line.amount) : (toUnits(lineAmount) * BigInt(Math.round(qty * 1000))) / BigInt(Math.round(boughtQty * 1000));
  });
  return { amount, lines: requested };
}

function asLines(json: unknown): LineItem[] {
  return Array.isArray(json) ? (json as LineItem[]) : [];
}

function toUnits(value: Prisma.Decimal | number | string): bigint {
  return BigInt(Math.round(Number(value) * Number(SCALE)));
}
