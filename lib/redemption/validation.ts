import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { checkOtp, consumeOtp, issueOtp } from "@/lib/otp/otp";

// Redemption validation codes (SPEC-vendor-api §D.1, §0.12): the vendor's v1.1 redeem needs a
// `validation_code` unless `skip_validation=true`. A code is a POINTS OTP of lib/otp issued to the
// redeeming customer (GET /v1.1/points/isredeemable?issue_otp=true, GET /v1.1/points/validationcode,
// or POST /v2/otp/generate with action POINTS to their mobile or e-mail); it is checked before the
// write transaction (a wrong try counts even though the request fails) and used up inside it, so
// a code redeems once.

/** The OTP to use up in the redemption's transaction; null when validation is skipped. 403 without a code, 808 for a bad one. */
export async function checkValidationCode(orgId: number, customerId: number, skipValidation: boolean | undefined, code: string | undefined, field: string): Promise<number | null> {
  if (skipValidation) return null;
  if (!code) throw new AppError("INVALID", "Field validation_code is mandatory.", { code: 403, field });
  try {
    return await checkOtp(orgId, { customerId, action: "POINTS" }, code);
  } catch (error) {
    if (error instanceof AppError && error.code === 808) throw new AppError(error.kind, error.message, { code: 808, field });
    throw error;
  }
}

/** Uses the checked code in the redemption's transaction (a concurrent second use of it gets 808 and rolls back). */
export async function useValidationCode(tx: Pick<Prisma.TransactionClient, "otp">, otpId: number | null, field: string): Promise<void> {
  if (otpId === null) return;
  try {
    await consumeOtp(tx, otpId);
  } catch (error) {
    if (error instanceof AppError && error.code === 808) throw new AppError(error.kind, error.message, { code: 808, field });
    throw error;
  }
}

/** Sends the customer a redemption code (to their mobile, else their e-mail); false when they have neither (warning 876). */
export async function issueValidationCode(orgId: number, customerId: number): Promise<boolean> {
  const ids = await db.customerIdentifier.findMany({ where: { orgId, customerId, type: { in: ["MOBILE", "EMAIL"] } }, orderBy: { id: "asc" }, select: { type: true, value: true } });
  const to = ids.find((i) => i.type === "MOBILE") ?? ids.find((i) => i.type === "EMAIL");
  if (!to) return false;
  await issueOtp({ orgId, entityType: to.type as "MOBILE" | "EMAIL", entityValue: to.value, action: "POINTS", customerId });
  return true;
}

/** Warning 876 (SPEC-vendor-api §D.9): redeemable, but no code could be sent. */
export const OTP_NOT_SENT = { status: false, code: 876, message: "Points are redeemable but unable to generate OTP. (The customer has no mobile or e-mail.)" } as const;
