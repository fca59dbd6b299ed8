import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { isUniqueViolation, mapDbError } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import type { MlpType, Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/org/audit";
import { findEntities } from "./entities";
import { ENTITY_LABELS, NO_ENTITY, type createProgramSchema } from "./schema";

type Tx = Prisma.TransactionClient;

export const MLP_TYPE_MISSING = "Choose the org's multi-loyalty-program type in Settings → Organisation first.";

/**
 * Creates a non-default program (SPEC §6, seed 003). It starts blank: no tiers, strategies or
 * workflows. Its entity mappings are final, so every check on them runs inside the transaction,
 * and the unique index on (orgId, entityType, entityId) backs them when two creates race.
 */
export async function createProgram({
  orgId,
  actor,
  input,
}: {
  orgId: number;
  actor: Actor;
  input: z.output<typeof createProgramSchema>;
}): Promise<{ id: number }> {
  try {
    return await db.$transaction(async (tx) => {
      const org = await tx.org.findFirst({ where: { id: orgId }, select: { mlpType: true } });
      // Without an MLP type an org runs only its default program (seed 003 "Getting Started").
      if (!org?.mlpType) throw new AppError("INVALID", MLP_TYPE_MISSING);
      const mlpType = org.mlpType;

      await assertNameFree(tx, orgId, input.name);
      const entityIds = [...new Set(input.entityIds)];
      const contributorIds = [...new Set(input.contributorIds)];
      if (entityIds.length === 0) throw new AppError("INVALID", NO_ENTITY, { field: "entityIds" });
      const entities = await checkedEntities(tx, orgId, mlpType, entityIds);
      await assertContributorsInOrg(tx, orgId, contributorIds);

      const program = await tx.program.create({
        data: {
          orgId,
          name: input.name,
          description: input.description,
          isDefault: false,
          active: input.active,
          contributors: { create: contributorIds.map((userId) => ({ userId, orgId })) },
          entities: { create: entityIds.map((entityId) => ({ orgId, entityType: mlpType, entityId })) },
        },
        select: { id: true, name: true, description: true, active: true, isDefault: true },
      });
      await recordAudit(tx, {
        orgId,
        actor,
        action: "program.create",
        entityType: "Program",
        entityId: program.id,
        after: { ...program, contributorIds, entities: entities.map(({ type, code, name }) => ({ type, code, name })) },
      });
      return { id: program.id };
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    // Lost a race on a unique index: say which rule it was by looking again, outside the
    // rolled-back transaction.
    if (isUniqueViolation(error)) {
      await assertNameFree(db, orgId, input.name);
      const org = await db.org.findFirst({ where: { id: orgId }, select: { mlpType: true } });
      if (org?.mlpType) await checkedEntities(db, orgId, org.mlpType, input.entityIds);
    }
    throw mapDbError(error);
  }
}

type Reader = Tx | typeof db;

/** Program names are unique per org; compared without case so "Gold club" and "Gold Club" clash. */
export async function assertNameFree(reader: Reader, orgId: number, name: string, exceptId?: number): Promise<void> {
  const clash = await reader.program.findFirst({
    where: { orgId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { name: true },
  });
  if (clash) throw new AppError("CONFLICT", `A program named "${clash.name}" already exists in this org.`, { field: "name" });
}

/** The chosen entities exist in the org and none is mapped to a program yet (seed 003 limits). */
export async function checkedEntities(reader: Reader, orgId: number, mlpType: MlpType, ids: number[]) {
  if (ids.length === 0) return [];
  const label = ENTITY_LABELS[mlpType].one;
  const found = await findEntities(reader, orgId, mlpType, ids, { activeOnly: true });
  if (found.length !== ids.length) {
    throw new AppError("INVALID", `Some of the chosen entities are not active ${ENTITY_LABELS[mlpType].many.toLowerCase()} of this org. Reload the page and choose again.`, {
      field: "entityIds",
    });
  }
  const taken = await reader.programEntity.findFirst({
    where: { orgId, entityType: mlpType, entityId: { in: ids } },
    orderBy: { id: "asc" },
    select: { entityId: true, program: { select: { name: true } } },
  });
  if (taken) {
    const entity = found.find((e) => e.id === taken.entityId);
    throw new AppError("CONFLICT", `${label} ${entity?.name ?? taken.entityId} is already mapped to ${taken.program.name}`, { field: "entityIds" });
  }
  return found;
}

async function assertContributorsInOrg(tx: Tx, orgId: number, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  const count = await tx.user.count({ where: { orgId, id: { in: ids }, active: true } });
  if (count !== ids.length) {
    throw new AppError("INVALID", "Contributors must be active console users of this org.", { field: "contributorIds" });
  }
}
