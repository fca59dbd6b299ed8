import "server-only";
import type { z } from "zod";
import type { Work } from "@/lib/api/idempotency";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { groupError } from "@/lib/groups/errors";
import { assertGroupsEnabled } from "@/lib/groups/store";
import { getOrgConfigs } from "@/lib/org/configs";
import { transferItems } from "./answer";
import { commitTransfer, promotionalLeft, transferable, type TransferPlan } from "./commit";
import { transferError } from "./errors";
import type { movePointsBody } from "./move-schema";
import { walletProgram } from "./rules";

// POST /v2/userGroup2/{groupId}/members/{customerId}/movePoints (ours): a member moves all their
// individual regular points in a program to the group's wallet. Seed 000 does this with a
// "custom job" after a join; joining itself never moves points (SPEC §1). Promotional points stay
// with the member (SPEC §1). One TRANSFER movement; a second call finds nothing left to move.

type Request = { orgId: number; actor: Actor; groupId: number; customerId: number; input: z.output<typeof movePointsBody>; requestId: string };

async function planMove({ orgId, actor, groupId, customerId, input, requestId }: Request): Promise<TransferPlan> {
  await assertGroupsEnabled(orgId);
  const [configs, programs, group, member] = await Promise.all([
    getOrgConfigs(orgId),
    db.program.findMany({ where: { orgId }, select: { id: true, name: true, isDefault: true } }),
    db.userGroup.findFirst({ where: { orgId, id: groupId }, select: { id: true, status: true, createdBy: true, createdAt: true } }),
    db.groupMembership.findFirst({ where: { orgId, groupId, customerId, exitedAt: null }, select: { customer: { select: { firstName: true, lastName: true } } } }),
  ]);
  if (!group) throw groupError(1619, [groupId]);
  if (group.status !== "ACTIVE") throw transferError(1645, { detail: `(group ${groupId} is ${group.status})` });
  if (!member) throw groupError(1620, [customerId, groupId]);
  const defaultProgram = programs.find((p) => p.isDefault)!;
  const program = input.programId === undefined ? defaultProgram : programs.find((p) => p.id === input.programId);
  if (!program) throw transferError(885, { args: [input.programId ?? ""], field: "programId" });
  const ctx = { defaultProgramId: defaultProgram.id, groupPointsByProgram: configs.CONF_ENABLE_GROUP_POINTS_BY_PROGRAM };
  return {
    orgId, kind: "MOVE_TO_GROUP",
    from: { kind: "CUSTOMER", id: customerId, firstName: member.customer.firstName, lastName: member.customer.lastName },
    to: { kind: "USERGROUP", id: group.id, status: group.status, createdBy: group.createdBy, createdAt: group.createdAt },
    initiatorId: customerId, programId: program.id, programName: program.name,
    fromPrograms: [program.id], toProgramId: walletProgram("USERGROUP", program.id, ctx),
    points: "0", regularOnly: true, notes: input.notes ?? "Member's individual points moved to the group", actor, requestId,
  };
}

export async function prepareMovePoints(request: Request): Promise<Work> {
  const base = await planMove(request);
  return async (tx) => {
    // Read in the write transaction: what is there now is what moves (the ledger locks and re-checks).
    const points = await transferable(tx, base);
    if (points <= 0) {
      const left = await promotionalLeft(tx, base);
      return { status: 200, body: { data: [], pointsMoved: 0, promotionalPointsLeftBehind: left, warnings: [{ status: false, code: 1210, message: "Nothing to move: the member holds no regular points in this program." }], errors: [] } };
    }
    const plan = { ...base, points: String(points) };
    const done = await commitTransfer(tx, plan);
    const [item] = await transferItems(
      [{ id: done.id, fromType: "CUSTOMER", fromId: plan.from.id, toType: "USERGROUP", toId: plan.to.id, points, leftBehind: done.leftBehind, notes: plan.notes, createdAt: done.createdAt, programName: plan.programName }],
      { orgId: plan.orgId, client: tx },
    );
    return { status: 200, body: { data: [{ ...item, pointsTransferBreakupByEarningPrograms: done.breakup }], pointsMoved: points, promotionalPointsLeftBehind: done.leftBehind, warnings: [], errors: [] } };
  };
}
