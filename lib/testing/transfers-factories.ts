import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { earn } from "@/lib/ledger/post";
import type { Owner } from "@/lib/ledger/types";
import { verifyLedger } from "@/lib/ledger/verify";
import { createApiClient } from "./factories";
import { createCustomer, createGroupsOrg } from "./groups-factories";

// Test data for points transfers (lib/transfers): an org with user groups on, an API client with
// the points scopes, points awarded straight through the ledger (earning is another issue's), and
// the reads the route tests check. Made through the app's Prisma client; nothing is mocked.

export const TRANSFER_SCOPES = ["points:read", "points:write", "groups:read", "customers:read"];

export async function createTransfersOrg(configs: Record<string, unknown> = {}) {
  const base = await createGroupsOrg({ configs });
  const api = await createApiClient(base.orgId, { scopes: TRANSFER_SCOPES });
  return { ...base, authorization: api.authorization, client: api.client };
}

/** A group with members: `[primary, ...secondaries]`, each with its permissions (all default to this group). */
export async function createGroupWithMembers(orgId: number, permissions: string[][], options: { id?: number; externalId?: string } = {}) {
  const group = await db.userGroup.create({
    data: { ...(options.id !== undefined ? { id: options.id } : {}), orgId, externalId: options.externalId ?? `TG-${Math.random().toString(36).slice(2, 9)}`, groupName: "Transfer group", maxGroupSize: 10 },
  });
  const members = [];
  for (const [i, perms] of permissions.entries()) {
    const c = await createCustomer(orgId, { firstName: `Member ${i + 1}` });
    await db.groupMembership.create({ data: { orgId, groupId: group.id, customerId: c.id, primaryMember: i === 0, permissions: perms, defaultGroup: false } });
    members.push(c);
  }
  return { group, members };
}

/** Points awarded straight through the ledger (a regular lot unless promotional). */
export async function award(orgId: number, programId: number, owner: Owner, points: number, options: { promotional?: boolean; expiresAt?: Date | null } = {}) {
  return db.$transaction((tx) =>
    earn(tx, { orgId, programId, owner, points, lotKind: options.promotional ? "PROMOTIONAL" : "REGULAR", expiresAt: options.expiresAt ?? null, provenance: { actor: SYSTEM_ACTOR, sourceType: "TEST" } }),
  );
}

export async function balanceOf(orgId: number, owner: Owner, programId: number): Promise<number> {
  const a = await db.pointsAccount.findFirst({ where: { orgId, ownerType: owner.type, ownerId: owner.id, programId } });
  return a ? Number(a.balance) : 0;
}

export const transfersDb = {
  verify: (orgId: number) => verifyLedger(db, orgId),
  countMovements: (orgId: number) => db.movement.count({ where: { orgId, kind: "TRANSFER" } }),
  countTransfers: (orgId: number) => db.pointsTransfer.count({ where: { orgId } }),
  lots: (orgId: number, owner: Owner) =>
    db.pointsLot.findMany({ where: { orgId, account: { ownerType: owner.type, ownerId: owner.id } }, orderBy: { id: "asc" }, select: { kind: true, amount: true, remaining: true, expiresAt: true } }),
  program: (orgId: number, name: string) => db.program.create({ data: { orgId, name, active: true } }),
  setPermissions: (groupId: number, customerId: number, permissions: string[]) => db.groupMembership.updateMany({ where: { groupId, customerId, exitedAt: null }, data: { permissions } }),
  allowTransfers: (programId: number, allowed: boolean) => db.program.update({ where: { id: programId }, data: { pointsTransferAllowed: allowed } }),
  otps: (orgId: number) => db.otp.findMany({ where: { orgId }, orderBy: { id: "asc" } }),
  expireOtps: (orgId: number) => db.otp.updateMany({ where: { orgId }, data: { expiresAt: new Date(Date.now() - 1000) } }),
  outbox: (orgId: number) => db.outboxMessage.findMany({ where: { orgId }, orderBy: { id: "asc" } }),
  trust: (apiClientId: number, trusted: boolean) => db.apiClient.update({ where: { id: apiClientId }, data: { trustedForTransfers: trusted } }),
  customerWithId: (orgId: number, id: number) => createCustomer(orgId, { id }),
};
