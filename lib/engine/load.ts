import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { cachedPerOrg } from "@/lib/org/cache";
import { getOrgConfigs } from "@/lib/org/configs";
import type { ConfigValues } from "@/lib/org/config-registry";
import { resolvePrograms, type ResolvedProgram } from "@/lib/programs/resolve-programs";
import { loadDefaultExpiries } from "@/lib/programs/strategies/load";
import type { DefaultExpiry } from "@/lib/programs/strategies/schema";
import { txnError } from "./errors";
import type { FieldDef } from "./extended-fields";
import { readEventMember, type MemberRows } from "./member-read";
import type { TransactionBody, TransactionIdentifier } from "./transaction-schema";

// What the engine reads before it writes (DESIGN §4 steps 1–2), all outside the write
// transaction: the customer, the programs the event runs in, the org's configs and declared
// fields, the customer's enrolments, wallets and group. The write transaction then only writes.

const IDENTIFIER_TYPE = { mobile: "MOBILE", email: "EMAIL", externalId: "EXTERNAL_ID", cardnumber: "CARD_NUMBER", cardExternalId: "CARD_EXTERNAL_ID" } as const;

export type EventCustomer = { id: number; firstName: string; lastName: string; joinedAt: Date; email: string | null; externalId: string | null; extendedFields: Record<string, unknown> };

/** The customer a transaction names (§A.3 identifiers), or 8015. wechat, martjackId and fbId identify nobody here. */
export async function findEventCustomer(orgId: number, name: TransactionIdentifier, value: string): Promise<EventCustomer> {
  const select = {
    id: true, firstName: true, lastName: true, joinedAt: true, extendedFields: true,
    identifiers: { where: { type: { in: ["EMAIL", "EXTERNAL_ID"] } }, select: { type: true, value: true } },
  } satisfies Prisma.CustomerSelect;
  let row = null;
  if (name === "id") {
    const id = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
    row = id <= 2_147_483_647 ? await db.customer.findFirst({ where: { id, orgId }, select }) : null;
  } else if (name in IDENTIFIER_TYPE) {
    const type = IDENTIFIER_TYPE[name as keyof typeof IDENTIFIER_TYPE];
    const found = await db.customerIdentifier.findFirst({
      where: { orgId, type, value: type === "EMAIL" ? { equals: value, mode: "insensitive" } : value },
      select: { customer: { select } },
    });
    row = found?.customer ?? null;
  }
  if (!row) throw txnError(8015);
  return {
    id: row.id, firstName: row.firstName, lastName: row.lastName, joinedAt: row.joinedAt,
    email: row.identifiers.find((i) => i.type === "EMAIL")?.value ?? null,
    externalId: row.identifiers.find((i) => i.type === "EXTERNAL_ID")?.value ?? null,
    extendedFields: (row.extendedFields ?? {}) as Record<string, unknown>,
  };
}

/**
 * The customer a transaction names and what the engine reads of them (member-read.ts), in one
 * statement (two for an e-mail, matched case-insensitively first); 8015 for nobody, 1619 for a
 * tagged group they do not belong to.
 */
export async function loadEventMember(orgId: number, name: TransactionIdentifier, value: string, body: TransactionBody): Promise<MemberRows> {
  let rows: MemberRows | null = null;
  if (name === "id") {
    const id = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
    rows = id <= 2_147_483_647 ? await readEventMember(orgId, { id }, body) : null;
  } else if (name in IDENTIFIER_TYPE) {
    const type = IDENTIFIER_TYPE[name as keyof typeof IDENTIFIER_TYPE];
    if (type === "EMAIL") {
      const found = await db.customerIdentifier.findFirst({ where: { orgId, type, value: { equals: value, mode: "insensitive" } }, select: { customerId: true } });
      rows = found ? await readEventMember(orgId, { id: found.customerId }, body) : null;
    } else {
      rows = await readEventMember(orgId, { type, value }, body);
    }
  }
  if (!rows) throw txnError(8015);
  const tagged = body.userGroup2Id ?? body.userGroup2ExternalId ?? body.userGroup2PrimaryUserId;
  if (tagged !== undefined && !rows.group) throw txnError(1619, [String(tagged)], { field: "userGroup2Id" });
  return rows;
}

export type EventGroup = { id: number; externalId: string; name: string; size: number; lifetimePurchases: number };

export type EventState = {
  programs: ResolvedProgram[];
  /** The org's default program when `programs` may leave it out (customer activities); else the default among `programs`. */
  defaultProgramId?: number | null;
  configs: ConfigValues;
  txnFields: FieldDef[];
  location: { zoneCode?: string; storeCode?: string };
  /** Per program id: the customer's enrolment KPIs and tier, and current points. */
  enrolments: Map<number, { lifetimePurchases: number; lifetimePoints: number; visits: number; tier: { number: number; name: string } | null }>;
  balances: Map<string, number>;
  group: EventGroup | null;
  /** Per program id: the Strategies tab's default expiry, which PROGRAM_DEFAULT allocations follow (absent: never). */
  defaultExpiries?: Map<number, DefaultExpiry>;
};

export async function loadEventState(
  { orgId, customerId, tillId, tillCode, cardNumber, body, member }: {
    orgId: number; customerId: number; tillId: number | null; tillCode: string | null; cardNumber: string | null; body: TransactionBody;
    /** The member's rows when loadEventMember read them already (a bill); read here otherwise. */
    member?: MemberRows;
  },
): Promise<EventState> {
  const [programs, configs, defs, till, enrolments, accounts, group, defaultExpiries] = await Promise.all([
    resolvePrograms({ orgId, tillCode, cardNumber }),
    getOrgConfigs(orgId),
    cachedPerOrg(orgId, "fields:TRANSACTION", () =>
      db.extendedFieldDef.findMany({ where: { orgId, scope: "TRANSACTION", active: true }, select: { name: true, type: true, allowedValues: true } }),
    ),
    tillId === null
      ? null
      : cachedPerOrg(orgId, `till-location:${tillId}`, () =>
          db.till.findFirst({ where: { id: tillId, orgId }, select: { store: { select: { code: true, zone: { select: { code: true } } } } } }),
        ),
    member
      ? member.enrolments
      : db.programEnrollment.findMany({
          where: { orgId, customerId },
          select: { programId: true, lifetimePurchases: true, lifetimePoints: true, visits: true, tier: { select: { number: true, name: true } } },
        }),
    member ? [] : db.pointsAccount.findMany({ where: { orgId, ownerType: "CUSTOMER", ownerId: customerId }, select: { programId: true, balance: true } }),
    member ? member.group : eventGroup(orgId, customerId, body),
    cachedPerOrg(orgId, "strategies:default-expiries", () => loadDefaultExpiries(db, orgId)),
  ]);
  const balances = member ? new Map(member.balances) : new Map(accounts.map((a) => [`CUSTOMER:${customerId}:${a.programId}`, Number(a.balance)]));
  if (group && !member) {
    const groupAccounts = await db.pointsAccount.findMany({ where: { orgId, ownerType: "USERGROUP", ownerId: group.id }, select: { programId: true, balance: true } });
    for (const a of groupAccounts) balances.set(`USERGROUP:${group.id}:${a.programId}`, Number(a.balance));
  }
  return {
    programs,
    configs,
    txnFields: defs as FieldDef[],
    location: till ? { storeCode: till.store.code, zoneCode: till.store.zone.code } : {},
    enrolments: new Map(
      enrolments.map((e) => [e.programId, { lifetimePurchases: Number(e.lifetimePurchases), lifetimePoints: Number(e.lifetimePoints), visits: e.visits, tier: e.tier }]),
    ),
    balances,
    group: configs.CONF_USER_GROUP_ENABLED ? group : null,
    defaultExpiries,
  };
}

/**
 * The group a bill earns for: the one it tags (userGroup2Id | userGroup2ExternalId |
 * userGroup2PrimaryUserId), which the customer must currently belong to (else 1619), or the
 * customer's default group (SPEC §0), or none.
 */
async function eventGroup(orgId: number, customerId: number, body: TransactionBody): Promise<EventGroup | null> {
  const tagged = body.userGroup2Id ?? body.userGroup2ExternalId ?? body.userGroup2PrimaryUserId;
  const membership = await db.groupMembership.findFirst({
    where: {
      orgId, customerId, exitedAt: null, group: { status: "ACTIVE" },
      ...(tagged === undefined ? { defaultGroup: true } : {}),
      ...(body.userGroup2Id !== undefined ? { groupId: body.userGroup2Id } : {}),
      ...(body.userGroup2ExternalId !== undefined ? { group: { status: "ACTIVE", externalId: body.userGroup2ExternalId } } : {}),
      ...(body.userGroup2PrimaryUserId !== undefined
        ? { group: { status: "ACTIVE", memberships: { some: { customerId: body.userGroup2PrimaryUserId, primaryMember: true, exitedAt: null } } } }
        : {}),
    },
    select: { group: { select: { id: true, externalId: true, groupName: true, _count: { select: { memberships: { where: { exitedAt: null } } } } } } },
  });
  if (!membership) {
    if (tagged !== undefined) throw txnError(1619, [String(tagged)], { field: "userGroup2Id" });
    return null;
  }
  const g = membership.group;
  return { id: g.id, externalId: g.externalId, name: g.groupName, size: g._count.memberships, lifetimePurchases: 0 };
}
