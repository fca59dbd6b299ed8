import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/org/audit";
import { MLP_TYPE_INFO, type MlpTypeValue } from "./mlp";

/**
 * Chooses the org's multi-loyalty-program type, once (SPEC §0 "MLP enablement": requested once,
 * cannot change). The update is conditional on the type still being null, so of two admins
 * choosing at the same moment exactly one wins and the other gets the 409.
 */
export async function setMlpType({ orgId, actor, mlpType }: { orgId: number; actor: Actor; mlpType: MlpTypeValue }): Promise<{ mlpType: MlpTypeValue; mlpTypeSetAt: Date }> {
  return db.$transaction(async (tx) => {
    const mlpTypeSetAt = new Date();
    const { count } = await tx.org.updateMany({ where: { id: orgId, mlpType: null }, data: { mlpType, mlpTypeSetAt } });
    if (count === 0) {
      const org = await tx.org.findFirst({ where: { id: orgId }, select: { mlpType: true } });
      if (!org) throw new AppError("NOT_FOUND", "Organisation not found.");
      const current = org.mlpType ? MLP_TYPE_INFO[org.mlpType].label.toLowerCase() : "chosen";
      throw new AppError("CONFLICT", `The multi-loyalty-program type is already ${current} and cannot be changed.`);
    }
    await recordAudit(tx, {
      orgId,
      actor,
      action: "org.setMlpType",
      entityType: "Org",
      entityId: orgId,
      before: { mlpType: null },
      after: { mlpType, mlpTypeSetAt },
    });
    return { mlpType, mlpTypeSetAt };
  });
}
