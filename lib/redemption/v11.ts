import "server-only";
import { AppError } from "@/lib/errors";
import { isRedeemableResponse, type V11Customer } from "./answers";
import { prepareRedemption, type RedemptionRequest } from "./redeem";
import { issueValidationCode, OTP_NOT_SENT } from "./validation";

// The vendor's v1.1 pair (SPEC-vendor-api §D.1, §0.12): what differs from v2 is only the shape.

/** The codes the pre-check answers as "not redeemable" (200, is_redeemable false) rather than as an error envelope. */
const NOT_REDEEMABLE = new Set([801, 804, 805, 806, 807, 818, 819, 821, 828, 888, 3316]);

/** With issueOtp, a redeemable answer also sends the customer a validation code for the redeem call. */
export async function isRedeemable(req: RedemptionRequest, customer: V11Customer, issueOtp = false) {
  try {
    const prepared = await prepareRedemption(req);
    const sent = issueOtp ? await issueValidationCode(req.orgId, customer.id) : true;
    return isRedeemableResponse(req.points, customer, { ok: true, result: prepared.validated }, sent ? [] : [OTP_NOT_SENT]);
  } catch (error) {
    if (error instanceof AppError && NOT_REDEEMABLE.has(error.code)) {
      return isRedeemableResponse(req.points, customer, { ok: false, code: error.code, message: error.message, ratio: null, balance: null });
    }
    throw error;
  }
}
