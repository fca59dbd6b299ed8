import "server-only";
import { db } from "@/lib/db/client";
import { violatedUniqueIndex } from "@/lib/db/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getOrgConfig } from "@/lib/org/configs";
import { groupError } from "./errors";
import type { GroupSelector, LeaveIdentifier } from "./schema";

// Database plumbing shared by the group services: the feature gate, row locks, and finding a
// group or a customer the way the API names them.

export type Tx = Prisma.TransactionClient;
type Reader = Pick<Tx, "userGroup" | "customer" | "customerIdentifier" | "groupMembership" | "orgConfig">;

/** Nothing about user groups works unless CONF_USER_GROUP_ENABLED (SPEC §0): a clear 403, never a 500. */
export async function assertGroupsEnabled(orgId: number, client: Pick<Tx, "orgConfig"> = db): Promise<void> {
  if (!(await getOrgConfig(orgId, "CONF_USER_GROUP_ENABLED", client))) throw groupError(1690);
}

/**
 * Locks a group's row for the rest of the transaction, so capacity and primary checks see every
 * committed join and no other join can slip in between the count and the insert. Callers that
 * lock several groups lock them in id order (no deadlocks). Returns false when it is not the org's.
 */
export async function lockGroup(tx: Tx, orgId: number, groupId: number): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "UserGroup" WHERE id = ${groupId} AND "orgId" = ${orgId} FOR UPDATE`;
  return rows.length === 1;
}

/** Locks a customer's row: serialises primary and default-group checks across groups (after group locks). */
export async function lockCustomer(tx: Tx, orgId: number, customerId: number): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Customer" WHERE id = ${customerId} AND "orgId" = ${orgId} FOR UPDATE`;
  return rows.length === 1;
}

/** The id of the group a `?id=|externalId=|primaryUserId=` selector names, or 1632. */
export async function resolveGroupId(client: Reader, orgId: number, selector: GroupSelector): Promise<number> {
  const label = selector.id ?? selector.externalId ?? selector.primaryUserId ?? "";
  if (selector.id !== undefined) {
    const row = await client.userGroup.findFirst({ where: { id: selector.id, orgId }, select: { id: true } });
    if (row) return row.id;
  } else if (selector.externalId !== undefined) {
    const row = await client.userGroup.findFirst({ where: { externalId: selector.externalId, orgId }, select: { id: true } });
    if (row) return row.id;
  } else if (selector.primaryUserId !== undefined) {
    const row = await client.groupMembership.findFirst({
      where: { orgId, customerId: selector.primaryUserId, primaryMember: true, exitedAt: null },
      select: { groupId: true },
    });
    if (row) return row.groupId;
  }
  throw groupError(1632, [label]);
}

const IDENTIFIER_TYPE = {
  mobile: "MOBILE",
  email: "EMAIL",
  externalId: "EXTERNAL_ID",
  cardnumber: "CARD_NUMBER",
  cardExternalId: "CARD_EXTERNAL_ID",
} as const;

/** The customer an API identifier names in the org, or 8015. */
export async function findCustomerIdByIdentifier(client: Reader, orgId: number, name: LeaveIdentifier, value: string): Promise<number> {
  if (name === "id") {
    const id = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
    const row = Number.isSafeInteger(id) ? await client.customer.findFirst({ where: { id, orgId }, select: { id: true } }) : null;
    if (row) return row.id;
    throw groupError(8015);
  }
  const row = await client.customerIdentifier.findFirst({
    where: { orgId, type: IDENTIFIER_TYPE[name], value: name === "email" ? { equals: value, mode: "insensitive" } : value },
    select: { customerId: true },
  });
  if (!row) throw groupError(8015);
  return row.customerId;
}

/** Which unique index a write ran into (lib/db/errors), when it was one. */
export const uniqueViolation = violatedUniqueIndex;

/**
 * Runs `work` in one transaction. Joins queue on the group's row lock, so the wait allowed is
 * generous; write conflicts and deadlocks are mapped to 409 by lib/db/errors at the door.
 */
export async function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(work, { maxWait: 20_000, timeout: 30_000 });
}

/** `identifierName=id|externalId&identifierValue=` (the members list): the group's id, or 1632. */
export async function resolveGroupByIdentifier(orgId: number, name: "id" | "externalId", value: string, client: Reader = db): Promise<number> {
  if (name === "externalId") return resolveGroupId(client, orgId, { externalId: value });
  if (!/^\d{1,10}$/.test(value) || Number(value) > 2_147_483_647) throw groupError(1632, [value]);
  return resolveGroupId(client, orgId, { id: Number(value) });
}
