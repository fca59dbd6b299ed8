import { AppError, type AppErrorKind } from "@/lib/errors";

// The customer API's error codes (SPEC-vendor-api §B.3, §B.4, §G), with the HTTP status we
// answer them with. Messages are the vendor's, with the detail that helps the caller appended.
// Codes the clone cannot produce are listed too, with why, so the table is the whole story.
export const CUSTOMER_ERRORS = {
  1007: { kind: "BAD_REQUEST", message: "No valid primary identifier mobile number, email ID, or external ID passed." },
  1017: { kind: "BAD_REQUEST", message: "Custom Field is invalid." },
  1045: { kind: "BAD_REQUEST", message: "No valid identifier (mobile/email) passed for non-loyalty customer." },
  1046: { kind: "INVALID", message: "Conversion of loyalty customer to non-loyalty is not allowed." },
  8007: { kind: "CONFLICT", message: "The identifier is already registered in the same source" },
  8008: { kind: "CONFLICT", message: "new identifier already exists in the same source" },
  8009: { kind: "NOT_FOUND", message: "Customer id is invalid" },
  8010: { kind: "BAD_REQUEST", message: "communication channel is invalid" },
  8011: { kind: "BAD_REQUEST", message: "Invalid source account passed." },
  8012: { kind: "BAD_REQUEST", message: "Invalid source passed" },
  8013: { kind: "BAD_REQUEST", message: "Customer identifier is invalid" },
  8015: { kind: "NOT_FOUND", message: "No customer found with the given identifier." },
  8045: { kind: "BAD_REQUEST", message: "Account id is not passed" },
  8053: { kind: "CONFLICT", message: "registered with a different customer in other source. Unable to merge" },
  8055: { kind: "BAD_REQUEST", message: "Invalid email id" },
  8056: { kind: "BAD_REQUEST", message: "Invalid mobile number" },
  8057: { kind: "BAD_REQUEST", message: "Invalid email id in communication channel" },
  8058: { kind: "BAD_REQUEST", message: "Invalid mobile number in communication channel" },
  8064: { kind: "BAD_REQUEST", message: "External id validation failed" },
  8065: { kind: "NOT_FOUND", message: "No customer found in the given source with the given identifier." },
  8069: { kind: "CONFLICT", message: "Merged customer found." },
  1213: { kind: "BAD_REQUEST", message: "Invalid programId passed in request." },
  1023: { kind: "BAD_REQUEST", message: "Unable to register customer to loyalty program." },
  91020: { kind: "BAD_REQUEST", message: "Invalid TILL passed for registration." },
} as const satisfies Record<number, { kind: AppErrorKind; message: string }>;

export type CustomerErrorCode = keyof typeof CUSTOMER_ERRORS;

/**
 * Vendor codes of these endpoints that the clone never answers, and why (README lists them):
 * 8050/8051 are warnings (8050 is sent), 8059 (search index push), 8062 (points fetch), 8063
 * (segments) are failures of services the clone does not split out; 8066/8067 belong to account
 * merges, which the clone refuses with 8053 instead of performing.
 */
export const CUSTOMER_CODES_NOT_ANSWERED = [8059, 8062, 8063, 8066, 8067] as const;

export function customerError(code: CustomerErrorCode, detail?: string, field?: string): AppError {
  const { kind, message } = CUSTOMER_ERRORS[code];
  return new AppError(kind, detail ? `${message}: ${detail}` : message, { code, field });
}

/** Warnings: the main activity succeeded, a secondary one did not (SPEC-vendor-api §A.2). */
export type CustomerWarning = { status: false; code: number; message: string };

export function warning(code: number, message: string): CustomerWarning {
  return { status: false, code, message };
}
