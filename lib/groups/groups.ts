import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getOrgConfig } from "@/lib/org/configs";
import { groupError } from "./errors";
import { checkGroupExtendedFields } from "./extended-fields";
import type { CreateGroupInput, UpdateGroupInput } from "./schema";
import { assertGroupsEnabled, inTransaction, lockGroup, resolveGroupId, uniqueViolation, type Tx } from "./store";
import { emitGroupCreated } from "./events";

// Create, update and delete user groups (SPEC §1.1, §1.2, vendor §E.1, §E.3).

type GroupRow = { id: number; externalId: string; groupName: string; maxGroupSize: number; extendedFields: Prisma.JsonValue; status: string };
const GROUP_SELECT = { id: true, externalId: true, groupName: true, maxGroupSize: true, extendedFields: true, status: true } as const;

/** maxGroupSize must stay within CONF_MAX_FLEET_GROUP_SIZE (1639). */
async function assertSizeWithinLimit(tx: Tx, orgId: number, size: number): Promise<void> {
  const limit = await getOrgConfig(orgId, "CONF_MAX_FLEET_GROUP_SIZE", tx);
  if (size > limit) throw groupError(1639, [limit], "maxGroupSize");
}

/**
 * Creates a group; two simultaneous creates with one externalId make one group: the unique
 * (orgId, externalId) index decides, and the loser gets 1633.
 */
export async function createGroup({
  orgId,
  actor,
  input,
  companyId,
  tx: outer,
}: {
  orgId: number;
  actor: Actor;
  input: CreateGroupInput;
  companyId?: number;
  /** Run inside the caller's transaction (fleet association creates the owner's group so). */
  tx?: Tx;
}): Promise<{ id: number }> {
  const work = async (tx: Tx) => {
    await assertGroupsEnabled(orgId, tx);
    await assertSizeWithinLimit(tx, orgId, input.maxGroupSize);
    const taken = await tx.userGroup.findFirst({ where: { orgId, externalId: input.externalId }, select: { id: true } });
    if (taken) throw groupError(1633, [input.externalId], "externalId");
    const extendedFields = withoutNulls(await checkGroupExtendedFields(tx, orgId, input.extendedFields));
    const group = await tx.userGroup.create({
      data: {
        orgId,
        externalId: input.externalId,
        groupName: input.groupName,
        maxGroupSize: input.maxGroupSize,
        extendedFields,
        createdBy: actor.label,
        ...(companyId !== undefined ? { companyId } : {}),
      },
      select: { id: true, externalId: true, groupName: true, maxGroupSize: true },
    });
    await emitGroupCreated(tx, orgId, group, actor);
    return { id: group.id };
  };
  try {
    return outer ? await work(outer) : await inTransaction(work);
  } catch (error) {
    if (uniqueViolation(error) !== null) throw groupError(1633, [input.externalId], "externalId");
    throw error;
  }
}

export type UpdatedGroup = GroupRow & { warnings: string[] };

/** Updates name, size, external id or extended fields; a request that changes nothing is 1643. */
export async function updateGroup({ orgId, input }: { orgId: number; actor: Actor; input: UpdateGroupInput }): Promise<UpdatedGroup> {
  const selectorLabel = input.id ?? input.externalId ?? "";
  try {
    return await inTransaction(async (tx) => {
      await assertGroupsEnabled(orgId, tx);
      const groupId =
        input.id !== undefined
          ? ((await tx.userGroup.findFirst({ where: { id: input.id, orgId }, select: { id: true } }))?.id ?? notFound(1619, input.id))
          : await resolveGroupId(tx, orgId, { externalId: input.externalId });
      await lockGroup(tx, orgId, groupId);
      const group = await tx.userGroup.findUniqueOrThrow({ where: { id: groupId }, select: GROUP_SELECT });
      if (group.status === "DELETED") throw groupError(1694, [group.id]);

      const data: Prisma.UserGroupUpdateInput = {};
      if (input.groupName !== undefined && input.groupName !== group.groupName) data.groupName = input.groupName;
      if (input.id !== undefined && input.externalId !== undefined && input.externalId !== group.externalId) {
        const taken = await tx.userGroup.findFirst({ where: { orgId, externalId: input.externalId }, select: { id: true } });
        if (taken) throw groupError(1633, [input.externalId], "externalId");
        data.externalId = input.externalId;
      }
      if (input.maxGroupSize !== undefined && input.maxGroupSize !== group.maxGroupSize) {
        await assertSizeWithinLimit(tx, orgId, input.maxGroupSize);
        const current = await tx.groupMembership.count({ where: { groupId, exitedAt: null } });
        if (input.maxGroupSize < current) throw groupError(1692, [input.maxGroupSize, current], "maxGroupSize");
        data.maxGroupSize = input.maxGroupSize;
      }
      if (input.extendedFields !== undefined) {
        const checked = await checkGroupExtendedFields(tx, orgId, input.extendedFields);
        const before = (group.extendedFields ?? {}) as Record<string, unknown>;
        const merged = withoutNulls({ ...before, ...checked });
        if (JSON.stringify(sorted(merged)) !== JSON.stringify(sorted(before))) data.extendedFields = merged;
      }
      if (Object.keys(data).length === 0) throw groupError(1643);
      const updated = await tx.userGroup.update({ where: { id: groupId }, data, select: GROUP_SELECT });
      return { ...updated, warnings: [] };
    });
  } catch (error) {
    if (uniqueViolation(error) !== null) throw groupError(1633, [input.externalId ?? selectorLabel], "externalId");
    throw error;
  }
}

/**
 * Deletes a group (vendor §E.3): it becomes DELETED and every current member exits. Nothing is
 * removed: membership history and the group's ledger stay readable.
 */
export async function deleteGroup({ orgId, selector }: { orgId: number; actor: Actor; selector: { id?: number | undefined; externalId?: string | undefined } }): Promise<{ id: number }> {
  return inTransaction(async (tx) => {
    await assertGroupsEnabled(orgId, tx);
    const groupId = await resolveGroupId(tx, orgId, selector);
    await lockGroup(tx, orgId, groupId);
    const group = await tx.userGroup.findUniqueOrThrow({ where: { id: groupId }, select: { status: true } });
    if (group.status === "DELETED") throw groupError(1694, [groupId]);
    await tx.groupMembership.updateMany({ where: { groupId, exitedAt: null }, data: { exitedAt: new Date() } });
    await tx.userGroup.update({ where: { id: groupId }, data: { status: "DELETED" } });
    return { id: groupId };
  });
}

function notFound(code: 1619, id: number): never {
  throw groupError(code, [id]);
}

function withoutNulls(values: Record<string, unknown>): Prisma.InputJsonObject {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined)) as Prisma.InputJsonObject;
}

function sorted(values: Record<string, unknown>): [string, unknown][] {
  return Object.entries(values).sort(([a], [b]) => a.localeCompare(b));
}
