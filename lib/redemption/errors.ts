import { AppError, type AppErrorKind } from "@/lib/errors";

// The codes redemption and its reversal answer with: the vendor's points codes (SPEC-vendor-api
// §D.9) and wording, plus 828, which is ours (the vendor documents no code for a group member
// without redemption permission). `{0}`, `{1}` are filled in order.
const CODES = {
  801: ["INVALID", "Points you are trying to redeem are invalid"],
  807: ["INVALID", "Redemption points not divisible."],
  808: ["INVALID", "Validation code is invalid."],
  810: ["INVALID", "Mismatch in points for revert API call: redemption {0} redeemed {1} points."],
  818: ["CONFLICT", "Current points are less than points requested for redemption."],
  827: ["FORBIDDEN", "Unable to redeem points: group redemption in a multi-program org needs ENABLE_GROUP_PROGRAMS_REDEMPTION (SPEC §0)."],
  828: ["FORBIDDEN", "Customer {0} may not redeem the points of group {1}: only the primary member, or a member with allow_points_redemption and without block_points_redemption, may."],
  860: ["INVALID", "Unable to issue OTP."],
  888: ["INVALID", "Configuration is invalid: {0}"],
  901: ["INVALID", "Invalid points or points redemption Id passed."],
  902: ["NOT_FOUND", "Redemption ID does not exist."],
  904: ["INVALID", "Invalid customer details passed."],
  1213: ["INVALID", "Invalid programId passed in request."],
  1619: ["NOT_FOUND", "Group id {0} is invalid"],
  1620: ["INVALID", "User {0} does not belong to group {1}."],
  1647: ["INVALID", "Default Fleet group not set for the user."],
  1690: ["FORBIDDEN", "User groups are not enabled for this org: turn on CONF_USER_GROUP_ENABLED."],
  3316: ["INVALID", "Group redemption action executed for non group redemption payload"],
  3802: ["CONFLICT", "Points reversal redeemed points already reversed."],
  905: ["FORBIDDEN", "points redemption reversal is disabled for the org."],
  8015: ["NOT_FOUND", "No customer found for the given identifiers."],
} as const satisfies Record<number, readonly [AppErrorKind, string]>;

export type RedemptionCode = keyof typeof CODES;

export function redemptionError(code: RedemptionCode, args: readonly (string | number)[] = [], options: { field?: string; detail?: string } = {}): AppError {
  const [kind, template] = CODES[code];
  const message = template.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? ""));
  return new AppError(kind, options.detail ? `${message} ${options.detail}` : message, { code, ...(options.field ? { field: options.field } : {}) });
}

/** The status of a code, for the OpenAPI document. */
export function statusOf(code: RedemptionCode): 400 | 403 | 404 | 409 | 422 {
  const kind = CODES[code][0];
  return kind === "FORBIDDEN" ? 403 : kind === "NOT_FOUND" ? 404 : kind === "CONFLICT" ? 409 : 422;
}

export function messageOf(code: RedemptionCode): string {
  return CODES[code][1];
}
