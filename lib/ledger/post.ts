import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { mapLedgerError } from "./errors";
import { markRolling } from "./rolling";
import type { Owner, Points, PostResult, Provenance, RollingPeriod } from "./types";

// The posting functions every points writer uses (DESIGN.md §3). Each runs inside the caller's
// transaction and is one round trip: a call of a PL/pgSQL function (ledger_post, ledger_reverse)
// that writes the movement, its postings, lots and lot consumptions and, through the posting
// trigger, the cached balance. A debit locks the one account row it draws from; callers evaluate
// their rules first and post last, so the lock is held only until their commit.

export type LedgerTx = Pick<Prisma.TransactionClient, "$queryRaw">;

type Common = { orgId: number; programId: number; owner: Owner; points: Points; provenance: Provenance };

/** Points earned: a credit to the owner from the program's issuance account, as one new lot. */
export async function earn(tx: LedgerTx, args: EarnArgs & { rollingPeriod?: RollingPeriod | null }): Promise<PostResult> {
  const posted = await post(tx, earnPayload(args));
  if (args.rollingPeriod && posted.lotId !== null) await markRolling(tx, posted.lotId, args.rollingPeriod);
  return posted;
}

type EarnArgs = Common & { lotKind?: "REGULAR" | "PROMOTIONAL"; earnedAt?: Date; expiresAt?: Date | null };

/** What `earn` hands ledger_post, for a writer that posts inside one database call of its own (bill_commit). */
export function earnPayload(args: EarnArgs): Record<string, unknown> {
  return {
    kind: "EARN", counter: "ISSUANCE", amount: positive(args.points), ...base(args),
    lotKind: args.lotKind ?? "REGULAR", earnedAt: args.earnedAt?.toISOString(), expiresAt: args.expiresAt?.toISOString() ?? null,
  };
}

export type DebitKind = "REDEEM" | "RETURN" | "EXPIRE";

/**
 * Points taken from the owner: first the lots of `preferLotsOf` movements (a return takes back
 * what its purchase earned), then first-expiring lots first, ties by earliest award, then lowest
 * id. Refused (818) beyond the balance, except a RETURN on a group wallet, which may go below zero.
 */
export async function debit(tx: LedgerTx, args: DebitArgs): Promise<PostResult> {
  return post(tx, debitPayload(args));
}

type DebitArgs = Common & { kind: DebitKind; preferLotsOf?: number[] };

/**
 * What `debit` hands ledger_post, for a writer that makes its debits inside one database call of
 * its own (redemption_commit) rather than one round trip each.
 */
export function debitPayload(args: DebitArgs): Record<string, unknown> {
  const counter = args.kind === "REDEEM" ? "REDEMPTION" : args.kind === "EXPIRE" ? "EXPIRY" : "ISSUANCE";
  return { kind: args.kind, counter, amount: `-${positive(args.points)}`, ...base(args), prefer: args.preferLotsOf ?? [] };
}

/** A manual correction: positive credits a new lot, negative debits like a redemption would. */
export async function adjust(tx: LedgerTx, args: Common & { expiresAt?: Date | null }): Promise<PostResult> {
  const amount = decimal(args.points);
  if (Number(amount) === 0) throw new AppError("INVALID", "An adjustment moves a non-zero number of points.", { field: "points" });
  return post(tx, { kind: "ADJUST", counter: "ADJUSTMENT", amount, ...base(args), expiresAt: args.expiresAt?.toISOString() ?? null, prefer: [] });
}

/**
 * Undoes a movement, once: opposite postings; what it credited is taken back (its own lots
 * first), what it debited returns to the lots it took from. A second reversal is refused (3802).
 */
export async function reverse(tx: LedgerTx, args: { orgId: number; movementId: number; provenance: Provenance }): Promise<{ movementId: number }> {
  const payload = { orgId: args.orgId, movementId: args.movementId, ...provenanceJson(args.provenance) };
  try {
    const rows = await tx.$queryRaw<{ r: { movementId: number } }[]>`SELECT ledger_reverse(${JSON.stringify(payload)}::jsonb) AS r`;
    return rows[0]!.r;
  } catch (error) {
    throw mapLedgerError(error);
  }
}

async function post(tx: LedgerTx, payload: Record<string, unknown>): Promise<PostResult> {
  try {
    const rows = await tx.$queryRaw<{ r: RawResult }[]>`SELECT ledger_post(${JSON.stringify(payload)}::jsonb) AS r`;
    const r = rows[0]!.r;
    return { movementId: r.movementId, accountId: r.accountId, balance: String(r.balance), lotId: r.lotId ?? null, shortfall: String(r.shortfall) };
  } catch (error) {
    throw mapLedgerError(error);
  }
}

type RawResult = { movementId: number; accountId: number; balance: number | string; lotId: number | null; shortfall: number | string };

function base(args: Common) {
  return { orgId: args.orgId, programId: args.programId, ownerType: args.owner.type, ownerId: args.owner.id, ...provenanceJson(args.provenance) };
}

export function provenanceJson(p: Provenance) {
  return {
    sourceType: p.sourceType,
    sourceRef: p.sourceRef ?? null,
    transactionId: p.transactionId ?? null,
    workflowVersionId: p.workflowVersionId ?? null,
    conditionId: p.conditionId ?? null,
    notes: p.notes ?? "",
    ...actorColumns(p.actor),
  };
}

export function actorColumns(actor: Actor): { actorType: "USER" | "API_CLIENT" | "SYSTEM"; actorId: number | null } {
  if (actor.kind === "user") return { actorType: "USER", actorId: actor.id };
  if (actor.kind === "apiClient") return { actorType: "API_CLIENT", actorId: actor.id };
  return { actorType: "SYSTEM", actorId: null };
}

const DECIMAL = /^-?\d{1,16}(\.\d{1,4})?$/;

/** A points amount as the exact decimal string the columns hold (up to 4 places). */
export function decimal(points: Points): string {
  const text = typeof points === "number" ? numberText(points) : points.trim();
  if (!DECIMAL.test(text)) throw new AppError("INVALID", `Invalid points ${String(points)}: a number with at most 4 decimals.`, { field: "points" });
  return text;
}

function positive(points: Points): string {
  const text = decimal(points);
  if (text.startsWith("-") || Number(text) === 0) throw new AppError("INVALID", `Points must be more than zero, got ${text}.`, { field: "points" });
  return text;
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) return "NaN";
  // Up to 4 places; more would be silently rounded by the column, so they are refused instead.
  const fixed = n.toFixed(4).replace(/\.?0+$/, "");
  return Number(fixed) === n ? fixed : String(n);
}
