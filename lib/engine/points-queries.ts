import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { listWallets, type Wallet } from "@/lib/ledger/queries";
import type { Owner } from "@/lib/ledger/types";
import { txnError } from "./errors";
import { findEventCustomer } from "./load";
import type { TransactionIdentifier } from "./transaction-schema";

// The points reads (SPEC-vendor-api §D.7, §D.8, and ours): wallets per program from the cached
// balances and open lots (lib/ledger/queries), a customer's default group's share shown apart,
// and the ledger's history as the vendor's points ledger shows it.

export type ProgramWallet = Omit<Wallet, "owner" | "accountId"> & { programName: string; isDefault: boolean };

async function programsOf(orgId: number) {
  return db.program.findMany({ where: { orgId }, select: { id: true, name: true, isDefault: true }, orderBy: [{ isDefault: "desc" }, { name: "asc" }] });
}

/** Wallets of one owner in every program of the org where it holds an account, the default program always. */
export async function ownerWallets(orgId: number, owner: Owner): Promise<ProgramWallet[]> {
  const [programs, wallets] = await Promise.all([programsOf(orgId), listWallets({ orgId, owners: [owner] })]);
  const byProgram = new Map(wallets.map((w) => [w.programId, w]));
  return programs
    .filter((p) => p.isDefault || byProgram.has(p.id))
    .map((p) => {
      const w = byProgram.get(p.id);
      return { programId: p.id, programName: p.name, isDefault: p.isDefault, current: w?.current ?? "0", lifetime: w?.lifetime ?? "0", promotional: w?.promotional ?? "0", expirySchedule: w?.expirySchedule ?? [], nextExpiry: w?.nextExpiry ?? null };
    });
}

export async function customerOf(orgId: number, id: number): Promise<{ id: number }> {
  const row = await db.customer.findFirst({ where: { orgId, id }, select: { id: true } });
  if (!row) throw txnError(8015);
  return row;
}

export async function defaultGroupOf(orgId: number, customerId: number): Promise<{ id: number; externalId: string; groupName: string } | null> {
  const m = await db.groupMembership.findFirst({
    where: { orgId, customerId, defaultGroup: true, exitedAt: null, group: { status: "ACTIVE" } },
    select: { group: { select: { id: true, externalId: true, groupName: true } } },
  });
  return m?.group ?? null;
}

/** GET /v2/customers/{id}/points: the customer's wallets per program, and their default group's apart. */
export async function customerPoints({ orgId, customerId }: { orgId: number; customerId: number }) {
  await customerOf(orgId, customerId);
  const group = await defaultGroupOf(orgId, customerId);
  const [programs, groupPrograms] = await Promise.all([
    ownerWallets(orgId, { type: "CUSTOMER", id: customerId }),
    group ? ownerWallets(orgId, { type: "USERGROUP", id: group.id }) : Promise.resolve(null),
  ]);
  return { customerId, programs, group: group && groupPrograms ? { groupId: group.id, externalId: group.externalId, groupName: group.groupName, programs: groupPrograms } : null, warnings: [] };
}

/** GET /v2/userGroup2/{id}/points: the group's wallets per program. */
export async function groupPoints({ orgId, groupId }: { orgId: number; groupId: number }) {
  const group = await db.userGroup.findFirst({ where: { orgId, id: groupId }, select: { id: true, externalId: true, groupName: true } });
  if (!group) throw new AppError("NOT_FOUND", `Group id ${groupId} is invalid`, { code: 1619 });
  return { groupId: group.id, externalId: group.externalId, groupName: group.groupName, programs: await ownerWallets(orgId, { type: "USERGROUP", id: group.id }), warnings: [] };
}

export type EntityType = "CUSTOMER" | "FLEET";

/** Whose points a vendor read means: the customer, or with entityType=FLEET their default group (1647 without one). */
export async function entityOf(orgId: number, customerId: number, entityType: EntityType): Promise<{ owner: Owner; entityId: number }> {
  if (entityType === "CUSTOMER") return { owner: { type: "CUSTOMER", id: customerId }, entityId: customerId };
  const group = await defaultGroupOf(orgId, customerId);
  if (!group) throw new AppError("NOT_FOUND", "Default Fleet group not set for the user.", { code: 1647 });
  return { owner: { type: "USERGROUP", id: group.id }, entityId: group.id };
}

export async function resolveCustomerId(orgId: number, identifier: { identifierName: TransactionIdentifier; identifierValue: string }): Promise<number> {
  return (await findEventCustomer(orgId, identifier.identifierName, identifier.identifierValue)).id;
}

/** §D.8 balance: one program (default when not named), or every program with fetchDataForAllPrograms. */
export async function pointsBalance({ orgId, customerId, entityType, programId, allPrograms }: { orgId: number; customerId: number; entityType: EntityType; programId?: number; allPrograms: boolean }) {
  const { owner, entityId } = await entityOf(orgId, customerId, entityType);
  const wallets = await ownerWallets(orgId, owner);
  if (programId !== undefined && !(await db.program.findFirst({ where: { orgId, id: programId }, select: { id: true } }))) {
    throw new AppError("INVALID", "Invalid programId passed in request.", { code: 1213, field: "programId" });
  }
  const shape = (w: ProgramWallet | undefined, id: number) => ({
    entityId, entityType, programId: id,
    totalPoints: Number(w?.current ?? 0), mainPoints: Number(w?.current ?? 0), promisedPoints: 0,
    promisedPointsBreakup: { delayedAccrualPoints: 0, externalTriggerBasedPoints: 0 },
  });
  if (allPrograms) return { data: wallets.map((w) => shape(w, w.programId)), warnings: [] };
  const id = programId ?? wallets.find((w) => w.isDefault)!.programId;
  return { ...shape(wallets.find((w) => w.programId === id), id), warnings: [] };
}

/** §D.8 expiry schedule: open lots by date, ascending; one program (default) or all. */
export async function pointsExpirySchedule(
  { orgId, customerId, programId, allPrograms, earliestOnly, startDate, endDate }: { orgId: number; customerId: number; programId?: number; allPrograms: boolean; earliestOnly: boolean; startDate?: Date; endDate?: Date },
) {
  await customerOf(orgId, customerId);
  const wallets = await ownerWallets(orgId, { type: "CUSTOMER", id: customerId });
  const chosen = allPrograms ? wallets : wallets.filter((w) => (programId === undefined ? w.isDefault : w.programId === programId));
  const from = (startDate ?? new Date()).toISOString().slice(0, 10);
  const to = endDate ? endDate.toISOString().slice(0, 10) : "9999-12-31";
  const schedules = chosen.flatMap((w) => {
    const dated = w.expirySchedule.filter((e) => e.expiresOn !== null && e.expiresOn >= from && e.expiresOn <= to);
    const rows = dated.map((e) => ({ points: Number(e.points), expiryDate: e.expiresOn!, programId: w.programId, pointsType: e.kind === "PROMOTIONAL" ? "bill_promotions" : "bill_regular", expiryType: e.expiryType }));
    // §D.8: the earliest per program × pointsType × expiryType.
    return earliestOnly ? rows.filter((r, i) => rows.findIndex((o) => o.pointsType === r.pointsType && o.expiryType === r.expiryType) === i) : rows;
  });
  schedules.sort((a, b) => a.expiryDate.localeCompare(b.expiryDate) || a.programId - b.programId);
  return { id: customerId, profiles: [], loyaltyInfo: { loyaltyType: "loyalty" }, segments: {}, extendedFields: {}, expirySchedules: schedules, warnings: [] };
}

/** §D.8 loyaltyDetails: per program, current and lifetime points, what went out by kind, purchases and tier. */
export async function loyaltyDetails({ orgId, customerId, programId }: { orgId: number; customerId: number; programId?: number }) {
  await customerOf(orgId, customerId);
  const [programs, enrolments, flows] = await Promise.all([
    programsOf(orgId),
    db.programEnrollment.findMany({ where: { orgId, customerId }, select: { programId: true, lifetimePurchases: true, tier: { select: { number: true, name: true } } } }),
    db.$queryRaw<{ programId: number; kind: string; total: Prisma.Decimal }[]>`
      SELECT a."programId", m.kind::text AS kind, -SUM(p.amount) AS total
      FROM "PointsAccount" a JOIN "Posting" p ON p."accountId" = a.id JOIN "Movement" m ON m.id = p."movementId"
      WHERE a."orgId" = ${orgId} AND a."ownerType" = 'CUSTOMER' AND a."ownerId" = ${customerId} AND p.amount < 0
      GROUP BY a."programId", m.kind`,
  ]);
  const wallets = await ownerWallets(orgId, { type: "CUSTOMER", id: customerId });
  const out = (pid: number, kind: string) => Number(flows.find((f) => f.programId === pid && f.kind === kind)?.total ?? 0);
  const data = programs
    .filter((p) => (programId === undefined ? p.isDefault || enrolments.some((e) => e.programId === p.id) : p.id === programId))
    .map((p) => {
      const w = wallets.find((x) => x.programId === p.id);
      const e = enrolments.find((x) => x.programId === p.id);
      return {
        programId: p.id, loyaltyPoints: Number(w?.current ?? 0), lifetimePoints: Number(w?.lifetime ?? 0),
        redeemed: out(p.id, "REDEEM"), expired: out(p.id, "EXPIRE"), returned: out(p.id, "RETURN"), adjusted: out(p.id, "ADJUST"),
        cumulativePurchases: Number(e?.lifetimePurchases ?? 0), loyaltyId: customerId,
        currentSlab: e?.tier?.name ?? null, slabSNo: e?.tier?.number ?? null, nextSlab: null, nextSlabSerialNumber: -1, nextSlabDescription: null, slabExpiryDate: null,
        delayedPoints: 0, delayedReturnedPoints: 0, totalAvailablePoints: Number(w?.current ?? 0), totalReturnedPoints: out(p.id, "RETURN"), linkedPartnerPrograms: [],
      };
    });
  return { data, warnings: [] };
}

const EVENT_NAMES: Record<string, string> = { EARN: "TransactionAdd", RETURN: "ReturnBill", REDEEM: "PointsRedemption", EXPIRE: "PointsExpiry", ADJUST: "PointsAdjustment", REVERSE: "PointsReversal", TRANSFER: "PointsTransfer" };

/** §D.7 getCustomerLedgerInfo: the movements on the entity's wallets in a window (7 days by default, 30 at most), a page of ≤10. */
export async function ledgerInfo(
  { orgId, customerId, entityType, programId, startDate, endDate, limit, offset }: { orgId: number; customerId: number; entityType: EntityType; programId?: number; startDate?: Date; endDate?: Date; limit: number; offset: number },
) {
  const { owner, entityId } = await entityOf(orgId, customerId, entityType);
  const end = endDate ?? new Date();
  const start = startDate ?? new Date(end.getTime() - 7 * 86_400_000);
  if (start > end) throw new AppError("INVALID", "startDate is after endDate.", { code: 1214, field: "startDate" });
  if (end.getTime() - start.getTime() > 30 * 86_400_000) throw new AppError("INVALID", "The window between startDate and endDate is at most 30 days.", { code: 400, field: "startDate" });
  const where: Prisma.PostingWhereInput = {
    orgId,
    createdAt: { gte: start, lte: end },
    account: { orgId, ownerType: owner.type, ownerId: owner.id, ...(programId !== undefined ? { programId } : {}) },
  };
  const [total, postings] = await Promise.all([
    db.posting.count({ where }),
    db.posting.findMany({
      where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: offset * limit, take: limit,
      select: {
        amount: true, createdAt: true,
        account: { select: { program: { select: { id: true, name: true } } } },
        movement: { select: { id: true, kind: true, transactionId: true } },
      },
    }),
  ]);
  const bills = await db.transaction.findMany({
    where: { orgId, id: { in: postings.flatMap((p) => (p.movement.transactionId ? [p.movement.transactionId] : [])) } },
    select: { id: true, number: true, till: { select: { code: true, store: { select: { code: true, name: true } } } } },
  });
  const billOf = new Map(bills.map((b) => [b.id, b]));
  const ledgerEntries = postings.map((p) => {
    const points = Number(p.amount);
    const b = p.movement.transactionId ? billOf.get(p.movement.transactionId) : undefined;
    return {
      eventLogId: p.movement.id,
      eventName: EVENT_NAMES[p.movement.kind] ?? p.movement.kind,
      ledgerCreatedDate: p.createdAt.toISOString(),
      entryDetails: [{ ledgerEntryType: points >= 0 ? "CREDIT" : "DEBIT", points: Math.abs(points), pointsCategory: "Main", programName: p.account.program.name, programId: p.account.program.id }],
      netPointsOnEvent: points,
      transactionDetails: b ? { transactionId: b.id, transactionNumber: b.number } : null,
      store: b?.till?.store.name ?? null, storeCode: b?.till?.store.code ?? null, tillCode: b?.till?.code ?? null,
    };
  });
  return { customerDetails: { userId: customerId, externalId: null, entityType, entityId }, ledgerDetails: details(offset, limit, total), ledgerEntries, warnings: [] };
}

/** §D.7 getCustomerLedgerBalance: the closing balance per program (as of endDate when given). */
export async function ledgerBalance({ orgId, customerId, entityType, endDate }: { orgId: number; customerId: number; entityType: EntityType; endDate?: Date }) {
  const { owner, entityId } = await entityOf(orgId, customerId, entityType);
  const wallets = await ownerWallets(orgId, owner);
  let closing = wallets.map((w) => ({ pointsCategory: "Main", programName: w.programName, programId: w.programId, closingBalance: Number(w.current) }));
  if (endDate) {
    const sums = await db.$queryRaw<{ programId: number; total: Prisma.Decimal }[]>`
      SELECT a."programId", SUM(p.amount) AS total FROM "PointsAccount" a JOIN "Posting" p ON p."accountId" = a.id
      WHERE a."orgId" = ${orgId} AND a."ownerType" = ${owner.type}::"AccountOwner" AND a."ownerId" = ${owner.id} AND p."createdAt" <= ${endDate}
      GROUP BY a."programId"`;
    closing = closing.map((c) => ({ ...c, closingBalance: Number(sums.find((s) => s.programId === c.programId)?.total ?? 0) }));
  }
  return { customerDetails: { userId: customerId, externalId: null, entityType, entityId }, ledgerDetails: { ...details(0, 10, closing.length), ledgerClosingBalance: closing }, warnings: [] };
}

function details(page: number, size: number, total: number) {
  return { pageNumber: page, pageSize: size, totalEntries: total, pageCount: Math.ceil(total / size) };
}
