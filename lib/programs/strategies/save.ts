import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/org/audit";
import { DEFAULT_EXPIRY_STRATEGY_NAME, loadProgramStrategies, REDEMPTION_STRATEGY_NAME } from "./load";
import type { ProgramStrategies, ProgramStrategiesUpdate } from "./schema";

type Tx = Prisma.TransactionClient;

/**
 * Saves the Strategies tab in one transaction under the program row's lock (so the audit entry's
 * before is what this save replaced): the ratio and the transfer switch on the program, the
 * redemption strategy and the default expiry as its PointsStrategy rows. Audited as
 * program.strategies.update; a save that changes nothing writes nothing.
 */
export async function saveProgramStrategies({ orgId, actor, input }: { orgId: number; actor: Actor; input: ProgramStrategiesUpdate }): Promise<ProgramStrategies> {
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Program" WHERE id = ${input.programId} AND "orgId" = ${orgId} FOR UPDATE`;
    const before = locked.length === 0 ? null : await loadProgramStrategies(tx, orgId, input.programId);
    if (!before) throw new AppError("NOT_FOUND", `Program ${input.programId} not found`);
    const after: ProgramStrategies = {
      ...before,
      pointsToCurrencyRatio: input.pointsToCurrencyRatio,
      transfersAllowed: input.transfersAllowed,
      redemption: input.redemption,
      defaultExpiry: input.defaultExpiry.type === "NEVER" ? null : input.defaultExpiry,
    };
    if (JSON.stringify(comparable(before)) === JSON.stringify(comparable(after))) return before;

    await tx.program.update({
      where: { id: before.programId },
      data: { pointsToCurrencyRatio: input.pointsToCurrencyRatio, pointsTransferAllowed: input.transfersAllowed },
    });
    await putStrategy(tx, orgId, before.programId, "REDEMPTION", REDEMPTION_STRATEGY_NAME, input.redemption);
    // NEVER is the default: no row, as for a program that was never configured.
    await putStrategy(tx, orgId, before.programId, "EXPIRY", DEFAULT_EXPIRY_STRATEGY_NAME, after.defaultExpiry);
    await recordAudit(tx, {
      orgId,
      actor,
      action: "program.strategies.update",
      entityType: "Program",
      entityId: before.programId,
      before: comparable(before),
      after: comparable(after),
    });
    return after;
  });
}

async function putStrategy(tx: Tx, orgId: number, programId: number, kind: "REDEMPTION" | "EXPIRY", name: string, config: object | null) {
  if (config === null) {
    await tx.pointsStrategy.deleteMany({ where: { orgId, programId, kind, name } });
    return;
  }
  const json = config as Prisma.InputJsonValue;
  await tx.pointsStrategy.upsert({
    where: { programId_kind_name: { programId, kind, name } },
    create: { orgId, programId, kind, name, config: json },
    update: { config: json },
  });
}

function comparable(s: ProgramStrategies) {
  return {
    name: s.programName,
    pointsToCurrencyRatio: s.pointsToCurrencyRatio,
    transfersAllowed: s.transfersAllowed,
    redemption: s.redemption,
    defaultExpiry: s.defaultExpiry ?? { type: "NEVER" },
  };
}
