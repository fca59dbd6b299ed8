import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Owner } from "./types";

// Reads of wallets: what an owner holds per program. Each costs the same with 10 or 1,000,000
// postings: the balance is cached on the account row and only open lots (a partial index) are
// summed for the promotional share and the expiry schedule.

type Reader = Pick<Prisma.TransactionClient, "pointsAccount" | "pointsLot">;

export type Wallet = {
  programId: number;
  accountId: number;
  owner: Owner;
  /** Current points (may be below zero only on a group wallet, after a return). */
  current: string;
  lifetime: string;
  /** The part of `current` that is promotional. */
  promotional: string;
  /** Open lots by expiry date (YYYY-MM-DD; null = never), ascending; rolling: a rolling event may still push the date. */
  expirySchedule: { expiresOn: string | null; points: string; kind: "REGULAR" | "PROMOTIONAL"; expiryType: "fixed" | "rolling" }[];
  /** The earliest date points expire on, and how many then (all kinds); null when nothing is dated. */
  nextExpiry: { expiresOn: string; points: string } | null;
};

/** Every wallet of these owners in the org (one per program they hold points in), by program id. */
export async function listWallets(
  { orgId, owners, programId }: { orgId: number; owners: Owner[]; programId?: number },
  client: Reader = db,
): Promise<Wallet[]> {
  if (owners.length === 0) return [];
  const accounts = await client.pointsAccount.findMany({
    where: {
      orgId,
      ...(programId === undefined ? {} : { programId }),
      OR: owners.map((o) => ({ ownerType: o.type, ownerId: o.id })),
    },
    select: { id: true, programId: true, ownerType: true, ownerId: true, balance: true, lifetimePoints: true },
    orderBy: [{ programId: "asc" }, { id: "asc" }],
  });
  if (accounts.length === 0) return [];
  const lots = await client.pointsLot.groupBy({
    by: ["accountId", "expiresAt", "kind", "rollingUnit"],
    where: { orgId, accountId: { in: accounts.map((a) => a.id) }, remaining: { gt: 0 } },
    _sum: { remaining: true },
    orderBy: [{ accountId: "asc" }, { expiresAt: "asc" }],
  });
  return accounts.map((a) => {
    const own = lots.filter((l) => l.accountId === a.id);
    const schedule = scheduleOf(own);
    const promotional = own.filter((l) => l.kind === "PROMOTIONAL").reduce((sum, l) => sum + Number(l._sum.remaining ?? 0), 0);
    return {
      programId: a.programId,
      accountId: a.id,
      owner: { type: a.ownerType as Owner["type"], id: a.ownerId ?? 0 },
      current: a.balance.toString(),
      lifetime: a.lifetimePoints.toString(),
      promotional: trim(promotional),
      expirySchedule: schedule,
      nextExpiry: nextOf(schedule),
    };
  });
}

type LotGroup = { expiresAt: Date | null; kind: "REGULAR" | "PROMOTIONAL"; rollingUnit: string | null; _sum: { remaining: Prisma.Decimal | null } };

function scheduleOf(groups: LotGroup[]): Wallet["expirySchedule"] {
  type Entry = { expiresOn: string | null; points: number; kind: "REGULAR" | "PROMOTIONAL"; expiryType: "fixed" | "rolling" };
  const byDay = new Map<string, Entry>();
  for (const g of groups) {
    const expiresOn = g.expiresAt ? g.expiresAt.toISOString().slice(0, 10) : null;
    const expiryType = g.rollingUnit === null ? "fixed" : "rolling";
    const key = `${expiresOn ?? "never"}|${g.kind}|${expiryType}`;
    const entry = byDay.get(key) ?? { expiresOn, points: 0, kind: g.kind, expiryType };
    entry.points += Number(g._sum.remaining ?? 0);
    byDay.set(key, entry);
  }
  return [...byDay.values()]
    .sort((a, b) => (a.expiresOn ?? "9999").localeCompare(b.expiresOn ?? "9999") || a.kind.localeCompare(b.kind) || a.expiryType.localeCompare(b.expiryType))
    .map((e) => ({ ...e, points: trim(e.points) }));
}

function nextOf(schedule: Wallet["expirySchedule"]): Wallet["nextExpiry"] {
  const first = schedule.find((e) => e.expiresOn !== null);
  if (!first?.expiresOn) return null;
  const points = schedule.filter((e) => e.expiresOn === first.expiresOn).reduce((sum, e) => sum + Number(e.points), 0);
  return { expiresOn: first.expiresOn, points: trim(points) };
}

/** A decimal as the API shows it: no trailing zeros. */
export function trim(n: number): string {
  return String(Math.round(n * 10_000) / 10_000);
}
