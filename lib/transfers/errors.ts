import { AppError, type AppErrorKind } from "@/lib/errors";

// The codes the transfer APIs answer with (SPEC §2.1, §2.2; SPEC-vendor-api §D.9, §E.8), in the
// vendor's wording where it has one; SPEC-vendor-api §0.2 says to keep SPEC's wording for 422,
// 434, 885, 1206–1208, 3316 and 8013. Client-safe. `{0}` is filled in, and a detail may follow.
export const TRANSFER_ERRORS = {
  418: { kind: "INVALID", message: "From and To customers are same." },
  422: { kind: "INVALID", message: "pointsToBeTransferred value is invalid" },
  434: { kind: "INVALID", message: "Invalid {0} set in the request payload" },
  807: { kind: "INVALID", message: "Redemption points not divisible" },
  808: { kind: "INVALID", message: "Validation code is invalid." },
  817: { kind: "FORBIDDEN", message: "Points redemption failed." },
  818: { kind: "CONFLICT", message: "Current points are less than points requested for redemption." },
  885: { kind: "INVALID", message: "Invalid programId {0} passed in request." },
  1206: { kind: "INVALID", message: "points transfer from entity details not set/invalid" },
  1207: { kind: "INVALID", message: "points transfer to entity details not set/invalid" },
  1208: { kind: "INVALID", message: "points transfer entity type not set/invalid." },
  1645: { kind: "INVALID", message: "Group details passed are not valid." },
  1651: { kind: "FORBIDDEN", message: "Points transfer from a group can not be done by a user who is not part of the group." },
  3316: { kind: "INVALID", message: "Group redemption action executed for non-group payload" },
  8013: { kind: "INVALID", message: "Invalid identifier type passed." },
  8015: { kind: "NOT_FOUND", message: "Customer not found for the given identifiers." },
} as const satisfies Record<number, { kind: AppErrorKind; message: string }>;

export type TransferErrorCode = keyof typeof TRANSFER_ERRORS;

export function transferMessage(code: TransferErrorCode, args: (string | number)[] = [], detail?: string): string {
  const text = TRANSFER_ERRORS[code].message.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? ""));
  return detail ? `${text} ${detail}` : text;
}

export function transferError(code: TransferErrorCode, options: { args?: (string | number)[]; detail?: string; field?: string; kind?: AppErrorKind } = {}): AppError {
  return new AppError(options.kind ?? TRANSFER_ERRORS[code].kind, transferMessage(code, options.args, options.detail), { code, ...(options.field ? { field: options.field } : {}) });
}

/** A zod custom issue carrying the vendor's code (lib/api/envelope answers with it). */
export function transferIssue(code: TransferErrorCode, path: (string | number)[], args: (string | number)[] = [], detail?: string) {
  return { code: "custom" as const, path, message: transferMessage(code, args, detail), params: { code } };
}
