import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { isUniqueViolation, mapDbError } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/org/audit";
import { checkedEntities } from "./create-program";
import type { addProgramEntitiesSchema } from "./schema";

export const DEFAULT_HAS_NO_ENTITIES = "The default program evaluates every event; it is not mapped to entities.";

/**
 * Maps more entities to a non-default program (seed 003 forbids changing a mapping, not adding
 * one): each must be an active entity of the org's MLP type that no program holds yet. Existing
 * mappings are never removed or moved.
 */
export async function addProgramEntities({
  orgId,
  actor,
  input,
}: {
  orgId: number;
  actor: Actor;
  input: z.output<typeof addProgramEntitiesSchema>;
}): Promise<{ added: number }> {
  const entityIds = [...new Set(input.entityIds)];
  try {
    return await db.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Program" WHERE id = ${input.programId} AND "orgId" = ${orgId} FOR UPDATE`;
      if (locked.length === 0) throw new AppError("NOT_FOUND", `Program ${input.programId} not found`);
      const [program, org] = await Promise.all([
        tx.program.findFirstOrThrow({ where: { id: input.programId, orgId }, select: { id: true, name: true, isDefault: true } }),
        tx.org.findFirstOrThrow({ where: { id: orgId }, select: { mlpType: true } }),
      ]);
      if (program.isDefault) throw new AppError("INVALID", DEFAULT_HAS_NO_ENTITIES, { field: "entityIds" });
      if (!org.mlpType) throw new AppError("INVALID", "Choose the org's multi-loyalty-program type in Settings → Organisation first.");
      const entities = await checkedEntities(tx, orgId, org.mlpType, entityIds);
      await tx.programEntity.createMany({ data: entityIds.map((entityId) => ({ orgId, programId: program.id, entityType: org.mlpType!, entityId })) });
      await recordAudit(tx, {
        orgId,
        actor,
        action: "program.entities.add",
        entityType: "Program",
        entityId: program.id,
        before: { name: program.name },
        after: { name: program.name, added: entities.map(({ type, code, name }) => ({ type, code, name })) },
      });
      return { added: entities.length };
    });
  } catch (error) {
    // Two managers adding the same entity at once: the unique index stops the second.
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "One of these entities was just mapped to another program. Reload and choose again.", { field: "entityIds" });
    throw mapDbError(error);
  }
}
