import "server-only";
import { db } from "@/lib/db/client";
import type { Owner } from "@/lib/ledger/types";

// Which wallets a redemption draws from, and how much from each. One wallet: all of it. Several
// (cross-program, cross-member): first-expiring points first across all of them, ties by earlier
// award, then lower owner id, then lot id (SPEC §2.4). The plan is made before the write
// transaction; the ledger's debit then takes each wallet's share with its own lock, so a race
// can only make a debit fail (818), never overdraw.

export type Wallet = { programId: number; owner: Owner };
export type WalletBalance = Wallet & { accountId: number | null; balance: number };
export type Draw = Wallet & { points: number };

/** The balances of the wallets (a wallet never credited has none, and balance 0). */
export async function walletBalances(orgId: number, wallets: readonly Wallet[]): Promise<WalletBalance[]> {
  if (wallets.length === 0) return [];
  const rows = await db.pointsAccount.findMany({
    where: { orgId, OR: wallets.map((w) => ({ ownerType: w.owner.type, ownerId: w.owner.id, programId: w.programId })) },
    select: { id: true, ownerType: true, ownerId: true, programId: true, balance: true },
  });
  return wallets.map((w) => {
    const row = rows.find((r) => r.ownerType === w.owner.type && r.ownerId === w.owner.id && r.programId === w.programId);
    return { ...w, accountId: row?.id ?? null, balance: row ? Number(row.balance) : 0 };
  });
}

/** How much each wallet gives, first-expiring lots first across them all; null when they hold too little. */
export async function planDraws(orgId: number, wallets: readonly WalletBalance[], points: number): Promise<Draw[] | null> {
  const positive = wallets.filter((w) => w.accountId !== null && w.balance > 0);
  if (positive.length === 1) return points <= positive[0]!.balance ? [{ programId: positive[0]!.programId, owner: positive[0]!.owner, points }] : null;
  const lots = await db.pointsLot.findMany({
    where: { orgId, accountId: { in: positive.map((w) => w.accountId!) }, remaining: { gt: 0 } },
    select: { id: true, accountId: true, remaining: true, earnedAt: true, expiresAt: true },
  });
  const walletOf = new Map(positive.map((w) => [w.accountId!, w]));
  lots.sort(
    (a, b) =>
      (a.expiresAt?.getTime() ?? Infinity) - (b.expiresAt?.getTime() ?? Infinity) ||
      a.earnedAt.getTime() - b.earnedAt.getTime() ||
      walletOf.get(a.accountId)!.owner.id - walletOf.get(b.accountId)!.owner.id ||
      a.id - b.id,
  );
  const share = new Map<number, number>();
  let left = points;
  for (const lot of lots) {
    if (left <= 0) break;
    const wallet = walletOf.get(lot.accountId)!;
    const already = share.get(lot.accountId) ?? 0;
    // A wallet never gives more than its balance (a lot can outlive a group wallet's negative balance).
    const take = Math.min(left, Number(lot.remaining), wallet.balance - already);
    if (take <= 0) continue;
    share.set(lot.accountId, already + take);
    left -= take;
  }
  if (left > 0) return null;
  return [...share].map(([accountId, taken]) => ({ programId: walletOf.get(accountId)!.programId, owner: walletOf.get(accountId)!.owner, points: taken }));
}

/** One lock order for every writer: customers before groups, then by owner id, then program. */
export function inLockOrder<T extends Wallet>(draws: readonly T[]): T[] {
  return [...draws].sort(
    (a, b) => Number(a.owner.type === "USERGROUP") - Number(b.owner.type === "USERGROUP") || a.owner.id - b.owner.id || a.programId - b.programId,
  );
}

/** The lots each movement took from, for the answer's breakdown (read inside the write transaction). */
export async function lotsTaken(tx: Pick<typeof db, "lotConsumption">, movementIds: readonly number[]) {
  const rows = await tx.lotConsumption.findMany({
    where: { movementId: { in: [...movementIds] } },
    orderBy: { id: "asc" },
    select: { movementId: true, amount: true, lot: { select: { id: true, expiresAt: true, earnedAt: true } } },
  });
  return rows.map((r) => ({ movementId: r.movementId, lotId: r.lot.id, points: Number(r.amount), earnedAt: r.lot.earnedAt, expiresAt: r.lot.expiresAt }));
}
