import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { rollOnEvent } from "@/lib/expiry/rolling";
import type { Prisma } from "@/lib/generated/prisma/client";
import { memberCan } from "@/lib/groups/rules";
import { debit } from "@/lib/ledger/post";
import type { Owner } from "@/lib/ledger/types";
import { getOrgConfigs } from "@/lib/org/configs";
import type { ConfigValues } from "@/lib/org/config-registry";
import { resolvePrograms } from "@/lib/programs/resolve-programs";
import { loadProgramStrategies } from "@/lib/programs/strategies/load";
import { checkRedemption, noStrategyMessage, redeemedValue } from "@/lib/programs/strategies/rules";
import type { ProgramStrategies } from "@/lib/programs/strategies/schema";
import { redemptionError } from "./errors";
import { assertGroupProgramBranch } from "./group-program";
import { inLockOrder, lotsTaken, planDraws, walletBalances, type Draw, type Wallet } from "./sources";
import { emitPointsRedeemed } from "./events";

// A points redemption (SPEC §2.3, §2.4, §8; SPEC-vendor-api §D.1), for the v2 and the v1.1
// doors alike: which program, which wallet(s), the program's redemption strategy, then one
// write transaction of ledger debits (lib/ledger) and the PointsRedemption row. Everything that
// decides runs before the transaction; the debits come last so their locks are short.

export type GroupSelector = { id?: number | undefined; externalId?: string | undefined; primaryUserId?: number | undefined; useDefault?: boolean | undefined };

export type RedemptionRequest = {
  orgId: number;
  actor: Actor;
  /** The API client's till: with no program named, the till's program is the one redeemed from. */
  tillCode: string | null;
  customerId: number;
  programId?: number | undefined;
  points: number;
  /** Redeem from a user group's wallet (null: the customer's own, or the members' pool under ENABLE_CROSS_MEMBER_REDEMPTION). */
  group?: GroupSelector | null | undefined;
  /** The vendor's group_redemption: MLP cross-program redemption (SPEC-vendor-api §0.12). */
  crossProgram?: boolean | undefined;
  transactionNumber?: string | undefined;
  externalReferenceNumber?: string | undefined;
  notes?: string | undefined;
  requestId: string;
};

export type RedemptionLine = {
  programId: number;
  ownerType: Owner["type"];
  ownerId: number;
  points: number;
  lots: { lotId: number; points: number; expiresAt: string | null }[];
};

export type RedemptionResult = {
  /** Null when only validated (commit: false). */
  redemptionId: string | null;
  customerId: number;
  programId: number;
  points: number;
  /** points × the program's points-to-currency ratio, exact. */
  redeemedValue: string;
  pointsToCurrencyRatio: string;
  wallet: { type: Owner["type"]; id: number };
  /** What the wallet(s) drawn from hold after the redemption. */
  balance: number;
  breakdown: RedemptionLine[];
  /** ENABLE_CROSS_MEMBER_REDEMPTION: how much each member gave. */
  crossMemberRedemptionBreakup?: { customerId: number; points: number }[];
};

type Prepared = { validated: RedemptionResult; commit: (tx: Prisma.TransactionClient) => Promise<RedemptionResult> };

/** Reads and decides; refuses with the vendor's code. `commit` writes (inside the caller's transaction). */
export async function prepareRedemption(req: RedemptionRequest): Promise<Prepared> {
  const configs = await getOrgConfigs(req.orgId);
  const program = await redemptionProgram(req);
  const strategies = (await loadProgramStrategies(db, req.orgId, program.id))!;
  if (!strategies.redemption) throw redemptionError(888, [noStrategyMessage(program.name)], { field: "programId" });
  await assertGroupProgramBranch(req.orgId, program.defaultProgramId, req.crossProgram === true, configs);

  const source = await redemptionSource(req, program, configs);
  const balances = await walletBalances(req.orgId, source.wallets);
  const currentPoints = balances.reduce((sum, w) => sum + Math.max(0, w.balance), 0);
  const enrolment = await db.programEnrollment.findFirst({
    where: { orgId: req.orgId, programId: program.id, customerId: req.customerId },
    select: { lifetimePoints: true, lifetimePurchases: true },
  });
  const refusal = checkRedemption(strategies.redemption, req.points, {
    currentPoints,
    lifetimePoints: Number(enrolment?.lifetimePoints ?? 0),
    lifetimePurchases: Number(enrolment?.lifetimePurchases ?? 0),
  });
  if (refusal) throw new AppError(refusal.code === 818 ? "CONFLICT" : "INVALID", refusal.message, { code: refusal.code, field: refusal.field });
  const draws = await planDraws(req.orgId, balances, req.points);
  if (!draws) throw redemptionError(818, [], { field: "points", detail: `${currentPoints} available, ${req.points} requested.` });

  const base = {
    customerId: req.customerId,
    programId: program.id,
    points: req.points,
    redeemedValue: redeemedValue(req.points, strategies.pointsToCurrencyRatio),
    pointsToCurrencyRatio: strategies.pointsToCurrencyRatio,
    wallet: source.wallet,
  };
  const validated: RedemptionResult = {
    ...base,
    redemptionId: null,
    balance: currentPoints - req.points,
    breakdown: draws.map((d) => ({ programId: d.programId, ownerType: d.owner.type, ownerId: d.owner.id, points: d.points, lots: [] })),
    ...crossMember(source, draws),
  };
  return { validated, commit: (tx) => commitRedemption(tx, req, strategies, draws, base, source, currentPoints, configs) };
}

async function commitRedemption(
  tx: Prisma.TransactionClient,
  req: RedemptionRequest,
  strategies: ProgramStrategies,
  draws: Draw[],
  base: Omit<RedemptionResult, "redemptionId" | "balance" | "breakdown">,
  source: Source,
  balanceBefore: number,
  configs: ConfigValues,
): Promise<RedemptionResult> {
  // A redemption is a rolling event where the org's Single Rolling Expiry names it (SPEC §8):
  // before the debits, so the redeemer's wallets are locked in id order first, as a transaction does.
  await rollOnEvent(tx, {
    orgId: req.orgId, customerId: req.customerId, event: "PointsRedemption", eventAt: new Date(), configs,
    programIds: [...new Set(draws.map((d) => d.programId))],
    group: source.wallet.type === "USERGROUP" ? { id: source.wallet.id, programOf: () => draws[0]!.programId } : null,
  });
  const provenance = {
    actor: req.actor,
    sourceType: "REDEMPTION",
    sourceRef: req.transactionNumber ?? req.requestId,
    notes: req.notes ?? "",
  };
  const posted: { draw: Draw; movementId: number; balance: number }[] = [];
  for (const draw of inLockOrder(draws)) {
    const r = await debit(tx, { orgId: req.orgId, programId: draw.programId, owner: draw.owner, points: draw.points, kind: "REDEEM", provenance });
    posted.push({ draw, movementId: r.movementId, balance: Number(r.balance) });
  }
  const movementIds = posted.map((p) => p.movementId);
  const row = await tx.pointsRedemption.create({
    data: {
      orgId: req.orgId,
      customerId: req.customerId,
      programId: strategies.programId,
      groupId: source.wallet.type === "USERGROUP" ? source.wallet.id : null,
      points: req.points,
      transactionNumber: req.transactionNumber ?? null,
      externalReferenceNumber: req.externalReferenceNumber ?? null,
      notes: req.notes ?? "",
      movementIds,
    },
    select: { id: true },
  });
  const lots = await lotsTaken(tx, movementIds);
  const result: RedemptionResult = {
    ...base,
    redemptionId: String(row.id),
    // One wallet: the ledger's balance after the debit. A pool: what it held as read, less this.
    balance: source.wallets.length === 1 ? Math.max(0, posted[0]!.balance) : balanceBefore - req.points,
    breakdown: posted.map((p) => ({
      programId: p.draw.programId,
      ownerType: p.draw.owner.type,
      ownerId: p.draw.owner.id,
      points: p.draw.points,
      lots: lots.filter((l) => l.movementId === p.movementId).map((l) => ({ lotId: l.lotId, points: l.points, expiresAt: l.expiresAt?.toISOString() ?? null })),
    })),
    ...crossMember(source, draws),
  };
  await emitPointsRedeemed(tx, req, result);
  return result;
}

type Source = {
  wallet: { type: Owner["type"]; id: number };
  wallets: Wallet[];
  crossMember: boolean;
};

function crossMember(source: Source, draws: Draw[]): Pick<RedemptionResult, "crossMemberRedemptionBreakup"> {
  if (!source.crossMember) return {};
  return { crossMemberRedemptionBreakup: draws.map((d) => ({ customerId: d.owner.id, points: d.points })).sort((a, b) => a.customerId - b.customerId) };
}

type RedemptionProgram = { id: number; name: string; defaultProgramId: number; /** The org runs several programs (an MLP type is set). */ mlp: boolean };

/** The program named, else the till's program, else the default program (seed 003 FAQ). */
async function redemptionProgram(req: RedemptionRequest): Promise<RedemptionProgram> {
  const [programs, org] = await Promise.all([
    resolvePrograms({ orgId: req.orgId, tillCode: req.tillCode }),
    db.org.findFirst({ where: { id: req.orgId }, select: { mlpType: true } }),
  ]);
  const defaultProgram = programs.find((p) => p.isDefault)!;
  const mlp = Boolean(org?.mlpType);
  if (req.programId !== undefined) {
    const named = await db.program.findFirst({ where: { id: req.programId, orgId: req.orgId }, select: { id: true, name: true } });
    if (!named) throw redemptionError(1213, [], { field: "programId" });
    return { ...named, defaultProgramId: defaultProgram.id, mlp };
  }
  const chosen = programs.find((p) => !p.isDefault) ?? defaultProgram;
  return { id: chosen.id, name: chosen.name, defaultProgramId: defaultProgram.id, mlp };
}

/** Which wallets the redemption draws from (SPEC §1, §2.3, §2.4). */
async function redemptionSource(req: RedemptionRequest, program: RedemptionProgram, configs: ConfigValues): Promise<Source> {
  const me: Owner = { type: "CUSTOMER", id: req.customerId };
  if (req.crossProgram) {
    // "Earn anywhere, burn anywhere" (seed 003): every program's wallet of the customer.
    const accounts = await db.pointsAccount.findMany({ where: { orgId: req.orgId, ownerType: "CUSTOMER", ownerId: req.customerId }, select: { programId: true }, orderBy: { programId: "asc" } });
    return { wallet: me, wallets: accounts.map((a) => ({ programId: a.programId, owner: me })), crossMember: false };
  }
  const groupProgram = configs.CONF_ENABLE_GROUP_POINTS_BY_PROGRAM ? program.id : program.defaultProgramId;
  if (req.group && hasSelector(req.group)) {
    if (!configs.CONF_USER_GROUP_ENABLED) throw redemptionError(1690);
    // SPEC §0: in an MLP org, group-level redemption fails without the config, whatever the member may do.
    if (program.mlp && !configs.ENABLE_GROUP_PROGRAMS_REDEMPTION) throw redemptionError(827);
    const groupId = await memberGroup(req.orgId, req.customerId, req.group);
    const owner: Owner = { type: "USERGROUP", id: groupId };
    return { wallet: owner, wallets: [{ programId: groupProgram, owner }], crossMember: false };
  }
  if (configs.ENABLE_CROSS_MEMBER_REDEMPTION && configs.CONF_USER_GROUP_ENABLED) {
    const membership = await db.groupMembership.findFirst({
      where: { orgId: req.orgId, customerId: req.customerId, defaultGroup: true, exitedAt: null, group: { status: "ACTIVE" } },
      select: { groupId: true },
    });
    if (membership) {
      const members = await db.groupMembership.findMany({
        where: { orgId: req.orgId, groupId: membership.groupId, exitedAt: null },
        select: { customerId: true },
        orderBy: { customerId: "asc" },
      });
      const wallets = members.map((m) => ({ programId: program.id, owner: { type: "CUSTOMER" as const, id: m.customerId } }));
      return { wallet: me, wallets, crossMember: true };
    }
  }
  return { wallet: me, wallets: [{ programId: program.id, owner: me }], crossMember: false };
}

function hasSelector(g: GroupSelector): boolean {
  return g.id !== undefined || g.externalId !== undefined || g.primaryUserId !== undefined || g.useDefault === true;
}

/**
 * The group the selector names, which the customer must currently belong to with redemption
 * permission: the primary always; a secondary with allow_points_redemption and without
 * block_points_redemption (memberCan). 1619 no such group, 1620 not a member, 1647 no default
 * group, 828 a member without the permission (a fleet driver, typically).
 */
async function memberGroup(orgId: number, customerId: number, selector: GroupSelector): Promise<number> {
  let groupId: number | null = null;
  if (selector.useDefault && selector.id === undefined && selector.externalId === undefined && selector.primaryUserId === undefined) {
    const d = await db.groupMembership.findFirst({
      where: { orgId, customerId, defaultGroup: true, exitedAt: null, group: { status: "ACTIVE" } },
      select: { groupId: true },
    });
    if (!d) throw redemptionError(1647, [], { field: "useDefaultUserGroup2" });
    groupId = d.groupId;
  } else {
    const named = String(selector.id ?? selector.externalId ?? selector.primaryUserId);
    const group = await db.userGroup.findFirst({
      where: {
        orgId,
        status: "ACTIVE",
        ...(selector.id !== undefined ? { id: selector.id } : {}),
        ...(selector.externalId !== undefined ? { externalId: selector.externalId } : {}),
        ...(selector.primaryUserId !== undefined ? { memberships: { some: { customerId: selector.primaryUserId, primaryMember: true, exitedAt: null } } } : {}),
      },
      select: { id: true },
    });
    if (!group) throw redemptionError(1619, [named], { field: "userGroup2Id" });
    groupId = group.id;
  }
  const membership = await db.groupMembership.findFirst({ where: { orgId, groupId, customerId, exitedAt: null }, select: { primaryMember: true, permissions: true } });
  if (!membership) throw redemptionError(1620, [customerId, groupId], { field: "userGroup2Id" });
  if (!memberCan(membership, "redemption")) throw redemptionError(828, [customerId, groupId]);
  return groupId;
}
