import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { rollOnEvent } from "@/lib/expiry/rolling";
import { rollingDecision } from "@/lib/expiry/rolling-rules";
import type { Prisma } from "@/lib/generated/prisma/client";
import { memberCan } from "@/lib/groups/rules";
import type { Owner } from "@/lib/ledger/types";
import { cachedPerOrg } from "@/lib/org/cache";
import { getOrgConfigs } from "@/lib/org/configs";
import type { ConfigValues } from "@/lib/org/config-registry";
import { resolvePrograms } from "@/lib/programs/resolve-programs";
import { loadProgramStrategies } from "@/lib/programs/strategies/load";
import { checkRedemption, noStrategyMessage, redeemedValue } from "@/lib/programs/strategies/rules";
import type { ProgramStrategies } from "@/lib/programs/strategies/schema";
import { hasSubscribers } from "@/lib/webhooks/outbox";
import { writeRedemption } from "./commit";
import { redemptionError } from "./errors";
import { assertGroupProgramBranch } from "./group-program";
import { readMemberState, type MemberState } from "./member-state";
import { inLockOrder, planDraws, walletBalances, type Draw, type Wallet, type WalletBalance } from "./sources";
import { emitPointsRedeemed } from "./events";

// A points redemption (SPEC §2.3, §2.4, §8; SPEC-vendor-api §D.1), for the v2 and the v1.1
// doors alike: which program, which wallet(s), the program's redemption strategy, then one
// write of ledger debits (lib/ledger) and the PointsRedemption row. Everything that decides runs
// before the write, on one read of the member's state (member-state.ts) and the org's cached
// setup; the write is one database call (commit.ts), so the wallet's lock is short.

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

type Prepared = {
  validated: RedemptionResult;
  /** Writes, inside the caller's transaction, or alone when `singleStatement`. */
  commit: (tx: Prisma.TransactionClient) => Promise<RedemptionResult>;
  /**
   * `commit` makes one statement (no expiry rolls on a redemption here, nobody subscribes to
   * pointsRedeemed): with nothing else to write beside it, it may run as its own transaction.
   */
  singleStatement: boolean;
};

/**
 * Reads and decides; refuses with the vendor's code. `commit` writes. The customer is checked to
 * be the org's (8015) before anything else is refused.
 */
export async function prepareRedemption(req: RedemptionRequest): Promise<Prepared> {
  const configs = await getOrgConfigs(req.orgId);
  const choice = await redemptionProgram(req);
  const read = stateToRead(req, choice, configs);
  const state = await readMemberState({ orgId: req.orgId, customerId: req.customerId, programId: choice.program?.id ?? req.programId!, ...read });
  if (!state.customerFound) throw redemptionError(8015, [], { field: "id", detail: `(customer ${req.customerId})` });
  if (!choice.program) throw redemptionError(1213, [], { field: "programId" });
  const program = { ...choice.program, defaultProgramId: choice.defaultProgramId, mlp: choice.mlp };
  const strategies = (await cachedPerOrg(req.orgId, `strategies:program:${program.id}`, () => loadProgramStrategies(db, req.orgId, program.id)))!;
  if (!strategies.redemption) throw redemptionError(888, [noStrategyMessage(program.name)], { field: "programId" });
  await assertGroupProgramBranch(req.orgId, program.defaultProgramId, req.crossProgram === true, configs);

  const source = await redemptionSource(req, program, configs, state);
  const balances = source.balances ?? (await walletBalances(req.orgId, source.wallets));
  const currentPoints = balances.reduce((sum, w) => sum + Math.max(0, w.balance), 0);
  const refusal = checkRedemption(strategies.redemption, req.points, {
    currentPoints,
    lifetimePoints: state.lifetimePoints,
    lifetimePurchases: state.lifetimePurchases,
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
  const programIds = [...new Set(draws.map((d) => d.programId))];
  const rolls = rollingDecision({ event: "PointsRedemption", programIds }, configs) !== null;
  const subscribed = await hasSubscribers(db, req.orgId, "pointsRedeemed");
  return {
    validated,
    commit: (tx) => commitRedemption(tx, req, strategies, draws, base, source, currentPoints, configs, subscribed),
    singleStatement: !rolls && !subscribed,
  };
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
  subscribed: boolean,
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
  const ordered = inLockOrder(draws);
  const written = await writeRedemption(tx, {
    orgId: req.orgId,
    customerId: req.customerId,
    programId: strategies.programId,
    groupId: source.wallet.type === "USERGROUP" ? source.wallet.id : null,
    points: req.points,
    transactionNumber: req.transactionNumber ?? null,
    externalReferenceNumber: req.externalReferenceNumber ?? null,
    notes: req.notes ?? "",
    draws: ordered,
    provenance,
  });
  const posted = ordered.map((draw, i) => ({ draw, ...written.posted[i]! }));
  const lots = written.lots;
  const result: RedemptionResult = {
    ...base,
    redemptionId: String(written.redemptionId),
    // One wallet: the ledger's balance after the debit. A pool: what it held as read, less this.
    balance: source.wallets.length === 1 ? Math.max(0, posted[0]!.balance) : balanceBefore - req.points,
    breakdown: posted.map((p) => ({
      programId: p.draw.programId,
      ownerType: p.draw.owner.type,
      ownerId: p.draw.owner.id,
      points: p.draw.points,
      lots: lots.filter((l) => l.movementId === p.movementId).map((l) => ({ lotId: l.lotId, points: l.points, expiresAt: l.expiresAt })),
    })),
    ...crossMember(source, draws),
  };
  if (subscribed) await emitPointsRedeemed(tx, req, result);
  return result;
}

type Source = {
  wallet: { type: Owner["type"]; id: number };
  wallets: Wallet[];
  crossMember: boolean;
  /** The wallets' balances when the member's state read has them already (one wallet). */
  balances?: WalletBalance[];
};

function crossMember(source: Source, draws: Draw[]): Pick<RedemptionResult, "crossMemberRedemptionBreakup"> {
  if (!source.crossMember) return {};
  return { crossMemberRedemptionBreakup: draws.map((d) => ({ customerId: d.owner.id, points: d.points })).sort((a, b) => a.customerId - b.customerId) };
}

type RedemptionProgram = { id: number; name: string; defaultProgramId: number; /** The org runs several programs (an MLP type is set). */ mlp: boolean };
type ProgramChoice = { program: { id: number; name: string } | null; defaultProgramId: number; mlp: boolean };

/**
 * The program named (null when it is not the org's: 1213), else the till's program, else the
 * default program (seed 003 FAQ). From the org's cached setup: no query once warm.
 */
async function redemptionProgram(req: RedemptionRequest): Promise<ProgramChoice> {
  const [programs, org] = await Promise.all([
    resolvePrograms({ orgId: req.orgId, tillCode: req.tillCode }),
    cachedPerOrg(req.orgId, "org:mlp-type", () => db.org.findFirst({ where: { id: req.orgId }, select: { mlpType: true } })),
  ]);
  const defaultProgram = programs.find((p) => p.isDefault)!;
  const mlp = Boolean(org?.mlpType);
  if (req.programId !== undefined) {
    const programId = req.programId;
    const named = await cachedPerOrg(req.orgId, `program:${programId}`, () => db.program.findFirst({ where: { id: programId, orgId: req.orgId }, select: { id: true, name: true } }));
    return { program: named, defaultProgramId: defaultProgram.id, mlp };
  }
  const chosen = programs.find((p) => !p.isDefault) ?? defaultProgram;
  return { program: { id: chosen.id, name: chosen.name }, defaultProgramId: defaultProgram.id, mlp };
}

/** What the member's state read resolves: the group the selector names and the one wallet drawn from, when the source is that simple. */
function stateToRead(req: RedemptionRequest, choice: ProgramChoice, configs: ConfigValues): Pick<Parameters<typeof readMemberState>[0], "group" | "wallet"> {
  const programId = choice.program?.id ?? req.programId!;
  if (req.crossProgram) return { group: null, wallet: null };
  if (req.group && hasSelector(req.group)) {
    const groupProgram = configs.CONF_ENABLE_GROUP_POINTS_BY_PROGRAM ? programId : choice.defaultProgramId;
    return { group: defaultOnly(req.group) ? { mode: "default" } : { mode: "named", selector: req.group }, wallet: { type: "USERGROUP", programId: groupProgram } };
  }
  if (configs.ENABLE_CROSS_MEMBER_REDEMPTION && configs.CONF_USER_GROUP_ENABLED) return { group: null, wallet: null };
  return { group: null, wallet: { type: "CUSTOMER", programId } };
}

/** Which wallets the redemption draws from (SPEC §1, §2.3, §2.4). */
async function redemptionSource(req: RedemptionRequest, program: RedemptionProgram, configs: ConfigValues, state: MemberState): Promise<Source> {
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
    const groupId = memberGroup(req.customerId, req.group, state);
    const owner: Owner = { type: "USERGROUP", id: groupId };
    return { wallet: owner, wallets: [{ programId: groupProgram, owner }], crossMember: false, balances: [oneWallet(groupProgram, owner, state)] };
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
  return { wallet: me, wallets: [{ programId: program.id, owner: me }], crossMember: false, balances: [oneWallet(program.id, me, state)] };
}

function oneWallet(programId: number, owner: Owner, state: MemberState): WalletBalance {
  return { programId, owner, accountId: state.account?.id ?? null, balance: state.account?.balance ?? 0 };
}

function defaultOnly(g: GroupSelector): boolean {
  return g.useDefault === true && g.id === undefined && g.externalId === undefined && g.primaryUserId === undefined;
}

function hasSelector(g: GroupSelector): boolean {
  return g.id !== undefined || g.externalId !== undefined || g.primaryUserId !== undefined || g.useDefault === true;
}

/**
 * The group the selector names, which the customer must currently belong to with redemption
 * permission: the primary always; a secondary with allow_points_redemption and without
 * block_points_redemption (memberCan). 1619 no such group, 1620 not a member, 1647 no default
 * group, 828 a member without the permission (a fleet driver, typically). Decided on the
 * member's state read.
 */
function memberGroup(customerId: number, selector: GroupSelector, state: MemberState): number {
  const groupId = state.groupId;
  if (groupId === null) {
    if (defaultOnly(selector)) throw redemptionError(1647, [], { field: "useDefaultUserGroup2" });
    throw redemptionError(1619, [String(selector.id ?? selector.externalId ?? selector.primaryUserId)], { field: "userGroup2Id" });
  }
  if (!state.membership) throw redemptionError(1620, [customerId, groupId], { field: "userGroup2Id" });
  if (!memberCan(state.membership, "redemption")) throw redemptionError(828, [customerId, groupId]);
  return groupId;
}
