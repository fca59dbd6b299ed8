import "server-only";
import { findCustomerByIdentifier } from "@/lib/customers/queries";
import { db } from "@/lib/db/client";
import { transferError } from "./errors";
import type { CustomerRefInput, EntityRef } from "./schema";

// Finding the parties of a transfer the way the vendor's bodies name them (SPEC-vendor-api §A.3):
// customers by id or an identifier, groups by id, externalId or their primary member. Every
// lookup is scoped to the caller's org; another org's ids are simply not found.

export type Party =
  | { kind: "CUSTOMER"; id: number; firstName: string; lastName: string }
  | { kind: "USERGROUP"; id: number; status: string; createdBy: string; createdAt: Date };

const CUSTOMER_NAME = { mobile: "mobile", email: "email", externalId: "externalId", cardnumber: "cardnumber", wechat: "wechat", martjackId: "martjackId", fbId: "fbId" } as const;

/** The customer an identifier names (any source), or null. */
export async function findCustomer(orgId: number, ref: CustomerRefInput) {
  const found = await findCustomerByIdentifier({
    orgId,
    identifierName: ref.identifierType === "id" ? "id" : CUSTOMER_NAME[ref.identifierType],
    identifierValue: ref.value,
    source: "ALL",
  });
  return found && found.mergedIntoId === null ? found : null;
}

/** The party an entity names: 1206 / 1207 for an unknown customer, 1645 for an unknown or inactive group. */
export async function resolveParty(orgId: number, ref: EntityRef, role: "from" | "to"): Promise<Party> {
  if (ref.type === "CUSTOMER") {
    const c = await findCustomer(orgId, ref);
    if (!c) throw transferError(role === "from" ? 1206 : 1207, { kind: "NOT_FOUND", detail: `(no customer with ${ref.identifierType} ${ref.value})`, field: `${role}Entity` });
    return { kind: "CUSTOMER", id: c.id, firstName: c.firstName, lastName: c.lastName };
  }
  const groupId = await groupIdOf(orgId, ref);
  const g = groupId === null ? null : await db.userGroup.findFirst({ where: { orgId, id: groupId }, select: { id: true, status: true, createdBy: true, createdAt: true } });
  if (!g) throw transferError(1645, { kind: "NOT_FOUND", detail: `(no group with ${ref.identifierType} ${ref.value})`, field: `${role}Entity` });
  if (g.status !== "ACTIVE") throw transferError(1645, { detail: `(group ${g.id} is ${g.status})`, field: `${role}Entity` });
  return { kind: "USERGROUP", id: g.id, status: g.status, createdBy: g.createdBy, createdAt: g.createdAt };
}

async function groupIdOf(orgId: number, ref: Extract<EntityRef, { type: "USERGROUP2" }>): Promise<number | null> {
  if (ref.identifierType === "id") {
    if (!/^\d{1,10}$/.test(ref.value) || Number(ref.value) > 2_147_483_647) return null;
    return Number(ref.value);
  }
  if (ref.identifierType === "externalId") {
    return (await db.userGroup.findFirst({ where: { orgId, externalId: ref.value }, select: { id: true } }))?.id ?? null;
  }
  const byPrimary = { primaryUserId: "id", primaryUserCardnumber: "cardnumber", primaryUserMobile: "mobile", primaryUserEmail: "email" } as const;
  const primary = await findCustomer(orgId, { identifierType: byPrimary[ref.identifierType], value: ref.value });
  if (!primary) return null;
  const m = await db.groupMembership.findFirst({ where: { orgId, customerId: primary.id, primaryMember: true, exitedAt: null }, select: { groupId: true } });
  return m?.groupId ?? null;
}

/** A customer's current membership of a group, or null. */
export async function currentMembership(orgId: number, groupId: number, customerId: number) {
  return db.groupMembership.findFirst({ where: { orgId, groupId, customerId, exitedAt: null }, select: { primaryMember: true, permissions: true } });
}
