import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { mapDbError } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/org/audit";
import { assertNameFree } from "./create-program";
import type { setProgramActiveSchema, updateProgramSchema } from "./schema";

type Tx = Prisma.TransactionClient;

export const DEFAULT_CANNOT_DEACTIVATE = "The default program cannot be deactivated: every event is evaluated by it.";

/** Edits a program's name and description. Entity mappings are not editable (SPEC §6). */
export async function updateProgram({
  orgId,
  actor,
  input,
}: {
  orgId: number;
  actor: Actor;
  input: z.output<typeof updateProgramSchema>;
}): Promise<void> {
  try {
    await db.$transaction(async (tx) => {
      const before = await lockProgram(tx, orgId, input.programId);
      if (before.name === input.name && before.description === input.description) return;
      await assertNameFree(tx, orgId, input.name, before.id);
      const after = await tx.program.update({
        where: { id: before.id },
        data: { name: input.name, description: input.description },
        select: { name: true, description: true },
      });
      await recordAudit(tx, {
        orgId,
        actor,
        action: "program.update",
        entityType: "Program",
        entityId: before.id,
        before: { name: before.name, description: before.description },
        after,
      });
    });
  } catch (error) {
    throw mapDbError(error, { unique: `A program named "${input.name}" already exists in this org.`, field: "name" });
  }
}

/**
 * Activates or deactivates a program (seed 003: the activation prompt; Edit → "Activate Program").
 * The default program always runs, so it cannot be deactivated.
 */
export async function setProgramActive({
  orgId,
  actor,
  input,
}: {
  orgId: number;
  actor: Actor;
  input: z.output<typeof setProgramActiveSchema>;
}): Promise<void> {
  await db.$transaction(async (tx) => {
    const program = await lockProgram(tx, orgId, input.programId);
    if (program.isDefault && !input.active) throw new AppError("INVALID", DEFAULT_CANNOT_DEACTIVATE);
    if (program.active === input.active) return;
    await tx.program.update({ where: { id: program.id }, data: { active: input.active } });
    await recordAudit(tx, {
      orgId,
      actor,
      action: input.active ? "program.activate" : "program.deactivate",
      entityType: "Program",
      entityId: program.id,
      before: { name: program.name, active: program.active },
      after: { name: program.name, active: input.active },
    });
  });
}

// The row lock keeps the before/after of concurrent edits honest in the audit log.
async function lockProgram(tx: Tx, orgId: number, programId: number) {
  const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Program" WHERE id = ${programId} AND "orgId" = ${orgId} FOR UPDATE`;
  if (locked.length === 0) throw new AppError("NOT_FOUND", `Program ${programId} not found`);
  const program = await tx.program.findFirst({
    where: { id: programId, orgId },
    select: { id: true, name: true, description: true, isDefault: true, active: true },
  });
  if (!program) throw new AppError("NOT_FOUND", `Program ${programId} not found`);
  return program;
}
