import { z } from "zod";
import { transferIssue, type TransferErrorCode } from "./errors";
import { checkPoints, checkProgram, pointsField, programIdField, type CustomerRefInput } from "./schema";

// The customer-to-customer bodies (SPEC §2.2, SPEC-vendor-api §D.3, §D.4). Client-safe; loose like
// the group bodies, each problem answered with the vendor's code.

/** §A.3 "points/transfer (C2C) type". */
export const C2C_IDENTIFIER_TYPES = ["ID", "MOBILE", "EXTERNAL_ID", "EMAIL"] as const;
const AS_CUSTOMER_REF = { ID: "id", MOBILE: "mobile", EXTERNAL_ID: "externalId", EMAIL: "email" } as const;

export type CustomerTransferInput = {
  points: number;
  programId: number | null;
  notes: string;
  from: CustomerRefInput;
  to: CustomerRefInput;
  /** groupProgramTransfer: draw from every program's wallet (seed 003 "earn anywhere, burn anywhere"). */
  crossProgram: boolean;
  code: string | null;
  issueOtp: boolean;
};

const identifier = z
  .looseObject({ type: z.string().max(50).optional().meta({ description: C2C_IDENTIFIER_TYPES.join(" | ") }), value: z.union([z.string().max(200), z.number()]).optional() })
  .optional();

const common = {
  pointsTobeTransferred: pointsField,
  programId: programIdField,
  notes: z.string().max(1000).optional(),
  fromCustomerIdentifier: identifier,
  toCustomerIdentifier: identifier,
  groupProgramTransfer: z.boolean().optional().meta({ description: "Transfer from the cross-program pool: first-expiring points of every program (needs ENABLE_GROUP_PROGRAMS_REDEMPTION, else 3316)." }),
};

type Body = { pointsTobeTransferred?: number | string | undefined; programId?: number | string | undefined; fromCustomerIdentifier?: { type?: string | undefined; value?: string | number | undefined } | undefined; toCustomerIdentifier?: { type?: string | undefined; value?: string | number | undefined } | undefined };

function check(body: Body, ctx: z.RefinementCtx) {
  const issue = (code: TransferErrorCode, path: string[], args: string[] = [], detail?: string) => ctx.addIssue(transferIssue(code, path, args, detail));
  checkPoints(body.pointsTobeTransferred, issue);
  checkProgram(body.programId, issue);
  for (const key of ["fromCustomerIdentifier", "toCustomerIdentifier"] as const) {
    const id = body[key];
    if (!id || typeOf(id.type) === null) issue(8013, [key, "type"], [], `(${key}.type must be one of ${C2C_IDENTIFIER_TYPES.join(", ")})`);
    else if (id.value === undefined || String(id.value).trim() === "") issue(8015, [key, "value"], [], `(${key}.value missing)`);
  }
}

function ref(id: Body["fromCustomerIdentifier"]): CustomerRefInput {
  return { identifierType: AS_CUSTOMER_REF[typeOf(id!.type)!], value: String(id!.value).trim() };
}

function typeOf(raw: string | undefined) {
  if (raw === undefined) return null;
  return C2C_IDENTIFIER_TYPES.find((t) => t === raw.trim().toUpperCase()) ?? null;
}

const input = (body: Body & { notes?: string | undefined; groupProgramTransfer?: boolean | undefined }, extra: { code: string | null; issueOtp: boolean }): CustomerTransferInput => ({
  points: Number(body.pointsTobeTransferred),
  programId: body.programId === undefined ? null : Number(body.programId),
  notes: body.notes ?? "",
  from: ref(body.fromCustomerIdentifier),
  to: ref(body.toCustomerIdentifier),
  crossProgram: body.groupProgramTransfer ?? false,
  ...extra,
});

/** POST /v2/points/transfer. */
export const customerTransferBodySchema = z
  .looseObject({ ...common, code: z.union([z.string().max(20), z.number()]).optional().meta({ description: "The OTP issued to the sender (isTransferrable with issueOtp, or /v2/otp/generate with action POINTSTRANSFER)." }) })
  .superRefine(check)
  .transform((body) => input(body, { code: body.code === undefined ? null : String(body.code).trim(), issueOtp: false }));

/** POST /v2/points/isTransferrable. */
export const customerCheckBodySchema = z
  .looseObject({ ...common, issueOtp: z.boolean().optional().meta({ description: "Send the sender a POINTSTRANSFER code when the transfer is possible." }) })
  .superRefine(check)
  .transform((body) => input(body, { code: null, issueOtp: body.issueOtp ?? false }));
