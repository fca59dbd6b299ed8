import "server-only";
import type { Work } from "@/lib/api/idempotency";
import type { Actor } from "@/lib/auth/actor";
import { customerJson } from "@/lib/customers/customer-json";
import { getCustomerView } from "@/lib/customers/customer-view";
import { db } from "@/lib/db/client";
import { getOrgConfigs } from "@/lib/org/configs";
import { checkOtp, consumeOtp, invalidCode, issueOtp } from "@/lib/otp/otp";
import { transferItems } from "./answer";
import { commitTransfer, transferable, type TransferPlan } from "./commit";
import type { CustomerTransferInput } from "./customer-schema";
import { findCustomer } from "./entities";
import { transferError } from "./errors";
import { transfersAllowed } from "./strategy";

// POST /v2/points/isTransferrable and /v2/points/transfer (SPEC §2.2, SPEC-vendor-api §D.3, §D.4):
// one customer's points to another's, authorised by an OTP sent to the sender (waived only for
// API clients an admin marked as trusted, when the org allows it). Points leave the sender's
// wallet in `programId` (or, with groupProgramTransfer, every program's, first-expiring first:
// seed 003) and land in the recipient's default program.

type Request = { orgId: number; actor: Actor; input: CustomerTransferInput; requestId: string };

export async function planCustomerTransfer({ orgId, actor, input, requestId }: Request): Promise<TransferPlan> {
  const [configs, programs] = await Promise.all([getOrgConfigs(orgId), db.program.findMany({ where: { orgId }, select: { id: true, name: true, isDefault: true } })]);
  const defaultProgram = programs.find((p) => p.isDefault)!;
  const program = input.programId === null ? defaultProgram : programs.find((p) => p.id === input.programId);
  if (!program) throw transferError(885, { args: [input.programId ?? ""], field: "programId" });
  if (input.crossProgram && !configs.ENABLE_GROUP_PROGRAMS_REDEMPTION) {
    throw transferError(3316, { detail: "(groupProgramTransfer needs ENABLE_GROUP_PROGRAMS_REDEMPTION: SPEC §2.3)", field: "groupProgramTransfer" });
  }
  if (!(await transfersAllowed(orgId, program.id))) {
    throw transferError(817, { kind: "INVALID", detail: `Points transfer is not allowed in program ${program.id} (its strategy).`, field: "programId" });
  }
  const [from, to] = [await findCustomer(orgId, input.from), await findCustomer(orgId, input.to)];
  if (!from) throw transferError(8015, { detail: `(fromCustomerIdentifier ${input.from.identifierType} ${input.from.value})`, field: "fromCustomerIdentifier" });
  if (!to) throw transferError(8015, { detail: `(toCustomerIdentifier ${input.to.identifierType} ${input.to.value})`, field: "toCustomerIdentifier" });
  if (from.id === to.id) throw transferError(418);
  return {
    orgId, kind: "CUSTOMER",
    from: { kind: "CUSTOMER", id: from.id, firstName: from.firstName, lastName: from.lastName },
    to: { kind: "CUSTOMER", id: to.id, firstName: to.firstName, lastName: to.lastName },
    initiatorId: from.id,
    programId: input.crossProgram ? defaultProgram.id : program.id,
    programName: input.crossProgram ? defaultProgram.name : program.name,
    fromPrograms: input.crossProgram ? programs.map((p) => p.id) : [program.id],
    toProgramId: defaultProgram.id,
    points: String(input.points), regularOnly: false, notes: input.notes, actor, requestId,
  };
}

/** Whether this client's transfers may skip the OTP: the org's waiver and the admin's mark on the client. */
async function otpWaived(orgId: number, actor: Actor): Promise<boolean> {
  if (actor.kind !== "apiClient") return false;
  const [configs, client] = await Promise.all([getOrgConfigs(orgId), db.apiClient.findFirst({ where: { orgId, id: actor.id }, select: { trustedForTransfers: true } })]);
  return configs.POINTS_TRANSFER_OTP_WAIVED_FOR_TRUSTED_CLIENTS && client?.trustedForTransfers === true;
}

export async function prepareCustomerTransfer(request: Request): Promise<Work> {
  const plan = await planCustomerTransfer(request);
  let otpId: number | null = null;
  if (!(await otpWaived(request.orgId, request.actor))) {
    if (!request.input.code) throw invalidCode("The field code (the OTP sent to the sender) is mandatory for a transfer.");
    otpId = await checkOtp(request.orgId, { customerId: plan.from.id, action: "POINTSTRANSFER" }, request.input.code);
  }
  return async (tx) => {
    if (otpId !== null) await consumeOtp(tx, otpId);
    const done = await commitTransfer(tx, plan);
    const [item] = await transferItems(
      [{ id: done.id, fromType: "CUSTOMER", fromId: plan.from.id, toType: "CUSTOMER", toId: plan.to.id, points: plan.points, leftBehind: 0, notes: plan.notes, createdAt: done.createdAt, programName: plan.programName }],
      { orgId: plan.orgId, client: tx },
    );
    return { status: 200, body: { data: [{ ...item, pointsTransferBreakupByEarningPrograms: done.breakup }], warnings: [], errors: [] } };
  };
}

/** §D.3: the rules and the balance, both customers as the customer API shows them; with issueOtp, a code for the sender. */
export async function checkCustomerTransfer(request: Request) {
  const plan = await planCustomerTransfer(request);
  const [available, fromView, toView] = await Promise.all([
    transferable(db, plan),
    getCustomerView({ orgId: plan.orgId, customerId: plan.from.id }),
    getCustomerView({ orgId: plan.orgId, customerId: plan.to.id }),
  ]);
  const transferrable = available >= request.input.points;
  const errors = transferrable ? [] : [{ status: false, code: 818, message: transferError(818, { detail: `(${available} transferable)` }).message }];
  const warnings: { status: false; code: number; message: string }[] = [];
  if (transferrable && request.input.issueOtp) {
    const target = await otpTarget(plan.orgId, plan.from.id);
    if (target) await issueOtp({ orgId: plan.orgId, ...target, action: "POINTSTRANSFER", customerId: plan.from.id });
    else warnings.push({ status: false, code: 876, message: "Points are redeemable but unable to generate OTP. (The sender has no mobile or e-mail.)" });
  }
  const json = (view: Awaited<ReturnType<typeof getCustomerView>>) => {
    if (!view) return null;
    const { warnings: _none, ...customer } = customerJson(view, { embed: [] });
    return customer;
  };
  return { data: [{ pointsTobeTransferred: request.input.points, transferFrom: json(fromView), transferTo: json(toView), transferrable }], warnings, errors };
}

/** Where the sender's code goes: their mobile, else their e-mail. */
async function otpTarget(orgId: number, customerId: number): Promise<{ entityType: "MOBILE" | "EMAIL"; entityValue: string } | null> {
  const ids = await db.customerIdentifier.findMany({ where: { orgId, customerId, type: { in: ["MOBILE", "EMAIL"] } }, orderBy: { id: "asc" }, select: { type: true, value: true } });
  const pick = ids.find((i) => i.type === "MOBILE") ?? ids.find((i) => i.type === "EMAIL");
  return pick ? { entityType: pick.type as "MOBILE" | "EMAIL", entityValue: pick.value } : null;
}
