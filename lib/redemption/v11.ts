import "server-only";
import { AppError } from "@/lib/errors";
import { isRedeemableResponse, type V11Customer } from "./answers";
import { redemptionError } from "./errors";
import { prepareRedemption, type RedemptionRequest } from "./redeem";

// The vendor's v1.1 pair (SPEC-vendor-api §D.1, §0.12): what differs from v2 is only the shape.

/** validation_code is mandatory unless skip_validation=true; redemption OTPs are not issued by the clone yet, so a code cannot be checked (808). */
export function assertValidationSkipped(skipValidation: boolean | undefined, validationCode: string | undefined, field: string): void {
  if (skipValidation) return;
  if (!validationCode) throw new AppError("INVALID", "Field validation_code is mandatory.", { code: 403, field });
  throw redemptionError(808, [], { field, detail: "This server issues no redemption validation codes yet: send skip_validation=true." });
}

/** The codes the pre-check answers as "not redeemable" (200, is_redeemable false) rather than as an error envelope. */
const NOT_REDEEMABLE = new Set([801, 804, 805, 806, 807, 818, 819, 821, 828, 888, 3316]);

export async function isRedeemable(req: RedemptionRequest, customer: V11Customer) {
  try {
    const prepared = await prepareRedemption(req);
    return isRedeemableResponse(req.points, customer, { ok: true, result: prepared.validated });
  } catch (error) {
    if (error instanceof AppError && NOT_REDEEMABLE.has(error.code)) {
      return isRedeemableResponse(req.points, customer, { ok: false, code: error.code, message: error.message, ratio: null, balance: null });
    }
    throw error;
  }
}
