import "server-only";
import { findCustomerByIdentifier } from "@/lib/customers/queries";
import { AppError } from "@/lib/errors";
import { checkOtp, issueOtp } from "./otp";
import type { OtpGenerateInput, OtpValidateInput } from "./schema";

// POST /v2/otp/generate and /v2/otp/validate (SPEC-vendor-api §D.1). A code sent to a customer's
// mobile or e-mail is tied to that customer, so a POINTSTRANSFER code authorises their transfers
// and a POINTS code their v1.1 redemptions (lib/redemption/validation.ts).

async function customerIdOf(orgId: number, entityType: "MOBILE" | "EMAIL", value: string): Promise<number | null> {
  const found = await findCustomerByIdentifier({ orgId, identifierName: entityType === "MOBILE" ? "mobile" : "email", identifierValue: value, source: "ALL" });
  return found?.id ?? null;
}

export async function generateOtp({ orgId, input }: { orgId: number; input: OtpGenerateInput }) {
  const customerId = await customerIdOf(orgId, input.entityType, input.entityValue);
  const createdId = await issueOtp({ orgId, entityType: input.entityType, entityValue: input.entityValue, action: input.action, customerId }, input.channels?.[0]);
  return { createdId, warnings: [] };
}

/** `{entity: true}` for a good code (it stays usable for its action); a wrong one is `{entity: false}` with 808, and counts a try. */
export async function validateOtp({ orgId, input }: { orgId: number; input: OtpValidateInput }) {
  try {
    await checkOtp(orgId, { entityType: input.entityType, entityValue: input.entityValue, action: input.action }, input.code);
    return { entity: true, warnings: [], errors: [] };
  } catch (error) {
    if (error instanceof AppError && error.code === 808) return { entity: false, warnings: [], errors: [{ status: false, code: 808, message: error.message }] };
    throw error;
  }
}
