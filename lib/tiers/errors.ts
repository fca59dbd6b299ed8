import { AppError, type AppErrorKind } from "@/lib/errors";

// The tier codes (SPEC §4.1). The vendor documents the manual adjustment's fields and rules but
// not its error codes: 1213 and 8015 are the vendor's (SPEC-vendor-api §D.8, §1.9), 1801–1812 are
// ours and listed in the README. `{0}`, `{1}` are filled in order. Client-safe.
export const TIER_ERRORS = {
  1213: { kind: "NOT_FOUND", message: "Invalid programId passed in request." },
  8015: { kind: "NOT_FOUND", message: "Customer not found for the given identifiers." },
  1801: { kind: "INVALID", message: "Manual tier adjustments aren't available for user groups: use type=CUSTOMER and adjust each member." },
  1802: { kind: "INVALID", message: "toSlabName is required for {0}: name the tier to move the customer to." },
  1803: { kind: "NOT_FOUND", message: "Tier {0} does not exist in program {1}; its tiers are {2}." },
  1804: { kind: "INVALID", message: "toSlabName takes the tier's name, not its number: tier {0} of program {1} is \"{2}\"." },
  1805: { kind: "CONFLICT", message: "The customer is in tier {0}: an UPGRADE must name a higher tier." },
  1806: { kind: "CONFLICT", message: "The customer is in tier {0}: a DOWNGRADE must name a lower tier." },
  1807: { kind: "CONFLICT", message: "The customer holds the base tier {0}, which never expires: there is nothing to {1}." },
  1808: { kind: "INVALID", message: "manualSlabActionValidityUpto must be {0}." },
  1809: { kind: "INVALID", message: "The new tier expiry {0} is not after the current one {1}." },
  1810: { kind: "NOT_FOUND", message: "Customer {0} is not enrolled in program {1}." },
  1811: { kind: "CONFLICT", message: "Program {0} has no tiers yet: add them on the program's Tiers tab." },
  1812: { kind: "CONFLICT", message: "The customer has no tier in program {0} yet: {1} needs a current tier." },
} as const satisfies Record<number, { kind: AppErrorKind; message: string }>;

export type TierErrorCode = keyof typeof TIER_ERRORS;

export function tierMessage(code: TierErrorCode, ...args: (string | number)[]): string {
  return TIER_ERRORS[code].message.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? ""));
}

export function tierError(code: TierErrorCode, args: (string | number)[] = [], field?: string): AppError {
  return new AppError(TIER_ERRORS[code].kind, tierMessage(code, ...args), { code, ...(field ? { field } : {}) });
}
