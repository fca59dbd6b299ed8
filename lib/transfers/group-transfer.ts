import "server-only";
import type { Work } from "@/lib/api/idempotency";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { assertGroupsEnabled } from "@/lib/groups/store";
import { getOrgConfigs } from "@/lib/org/configs";
import { transferItems } from "./answer";
import { commitTransfer, transferable, type TransferPlan } from "./commit";
import { currentMembership, findCustomer, resolveParty } from "./entities";
import { transferError } from "./errors";
import { checkInitiator, movesRegularOnly, walletProgram } from "./rules";
import type { GroupTransferInput } from "./schema";
import { transfersAllowed } from "./strategy";

// POST /v2/points/userGroup2/transfer and /isTransferrable (SPEC §2.1, SPEC-vendor-api §D.5):
// individual → group, group → individual, group → group. Everything is read and decided before
// the write transaction; the write is the ledger's one TRANSFER movement and its record.

type Request = { orgId: number; actor: Actor; input: GroupTransferInput; requestId: string };

/** Every rule but the balance: the program, both parties, who asks, and the wallets. */
export async function planGroupTransfer({ orgId, actor, input, requestId }: Request): Promise<TransferPlan> {
  await assertGroupsEnabled(orgId);
  const [configs, program] = await Promise.all([
    getOrgConfigs(orgId),
    db.program.findFirst({ where: { orgId, ...(input.programId === null ? { isDefault: true } : { id: input.programId }) }, select: { id: true, name: true } }),
  ]);
  if (!program) throw transferError(885, { args: [input.programId ?? ""], field: "programId" });
  const defaultProgram = await db.program.findFirstOrThrow({ where: { orgId, isDefault: true }, select: { id: true } });
  if (!(await transfersAllowed(orgId, program.id))) {
    throw transferError(817, { kind: "INVALID", detail: `Points transfer is not allowed in program ${program.id} (its strategy).`, field: "programId" });
  }
  const [from, to] = [await resolveParty(orgId, input.from, "from"), await resolveParty(orgId, input.to, "to")];
  if (from.kind === to.kind && from.id === to.id) {
    throw from.kind === "CUSTOMER" ? transferError(418) : transferError(1207, { detail: "(the group would transfer to itself)", field: "toEntity" });
  }
  const initiator = input.transferredBy ? await findCustomer(orgId, input.transferredBy) : null;
  if (input.transferredBy && !initiator) throw transferError(434, { args: ["transferredBy.identifierValue"], detail: "(no such customer)", field: "transferredBy" });
  const membership = from.kind === "USERGROUP" && initiator ? await currentMembership(orgId, from.id, initiator.id) : null;
  const verdict = checkInitiator(from, initiator?.id ?? null, membership);
  if (!verdict.ok) {
    throw verdict.code === 434
      ? transferError(434, { args: ["transferredBy.identifierValue"], detail: verdict.detail, field: "transferredBy" })
      : transferError(verdict.code, { detail: verdict.detail, field: "transferredBy" });
  }
  const ctx = { defaultProgramId: defaultProgram.id, groupPointsByProgram: configs.CONF_ENABLE_GROUP_POINTS_BY_PROGRAM };
  const fromProgram = walletProgram(from.kind, program.id, ctx);
  return {
    orgId, kind: "GROUP", from, to,
    initiatorId: initiator?.id ?? (from.kind === "CUSTOMER" ? from.id : null),
    programId: fromProgram, programName: program.name,
    fromPrograms: [fromProgram], toProgramId: walletProgram(to.kind, program.id, ctx),
    points: String(input.points), regularOnly: movesRegularOnly(to.kind),
    notes: input.notes, actor, requestId,
  };
}

/** The transfer's write, for runPrepared: the movement, its record, and the §D.5 answer. */
export async function prepareGroupTransfer(request: Request): Promise<Work> {
  const plan = await planGroupTransfer(request);
  return async (tx) => {
    const done = await commitTransfer(tx, plan);
    const [item] = await transferItems(
      [{ id: done.id, fromType: plan.from.kind, fromId: plan.from.id, toType: plan.to.kind, toId: plan.to.id, points: plan.points, leftBehind: done.leftBehind, notes: plan.notes, createdAt: done.createdAt, programName: plan.programName }],
      { orgId: plan.orgId, client: tx },
    );
    const warnings = done.leftBehind > 0 ? [{ status: false, code: 1209, message: `${done.leftBehind} promotional points stayed with the sender: promotional points never move to a group wallet.` }] : [];
    return { status: 200, body: { data: [{ ...item, pointsTransferBreakupByEarningPrograms: done.breakup }], warnings, errors: [] } };
  };
}

/** isTransferrable: the same rules and the balance, nothing written. A refusal is `transferrable: false` with its error. */
export async function checkGroupTransfer(request: Request) {
  const answer = (transferrable: boolean, errors: unknown[] = []) => ({ data: [{ pointsTobeTransferred: request.input.points, transferrable }], warnings: [], errors });
  const plan = await planGroupTransfer(request);
  const available = await transferable(db, plan);
  if (available < request.input.points) {
    const error = transferError(818, { detail: `(${available} transferable${plan.regularOnly ? ": promotional points never move to a group wallet" : ""})` });
    return answer(false, [{ status: false, code: error.code, message: error.message }]);
  }
  return answer(true);
}
