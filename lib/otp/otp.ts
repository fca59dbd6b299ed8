import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { codeMatches, hashCode, newCode, OTP_MAX_ATTEMPTS, OTP_TTL_MINUTES } from "./codes";
import { deliverPending, enqueueMessage, type OutboxChannel } from "./outbox";
import type { OtpAction } from "./schema";

// Issuing and checking one-time passwords. A new code for the same entity and action replaces the
// open one; a code is good for OTP_TTL_MINUTES and OTP_MAX_ATTEMPTS wrong tries, and is used once
// (consumeOtp, in the transaction of what it authorises).

type Tx = Prisma.TransactionClient;
export type OtpTarget = { orgId: number; entityType: "MOBILE" | "EMAIL"; entityValue: string; action: OtpAction; customerId: number | null };

/** 808 "Validation code is invalid.", with why (SPEC-vendor-api §D.9). */
export function invalidCode(detail: string): AppError {
  return new AppError("INVALID", `Validation code is invalid. ${detail}`, { code: 808, field: "code" });
}

/** Writes a new code and its message in the caller's transaction; returns the ids to deliver after commit. */
export async function issueOtpIn(tx: Tx, target: OtpTarget, channel?: OutboxChannel): Promise<{ otpId: number; messageId: number }> {
  const now = new Date();
  await tx.otp.updateMany({
    where: { orgId: target.orgId, entityType: target.entityType, entityValue: target.entityValue, action: target.action, closedAt: null },
    data: { closedAt: now },
  });
  const code = newCode();
  const otp = await tx.otp.create({
    data: { ...target, codeHash: hashCode(code), expiresAt: new Date(now.getTime() + OTP_TTL_MINUTES * 60_000), maxAttempts: OTP_MAX_ATTEMPTS },
    select: { id: true },
  });
  const messageId = await enqueueMessage(tx, {
    orgId: target.orgId,
    channel: channel ?? (target.entityType === "MOBILE" ? "SMS" : "EMAIL"),
    recipient: target.entityValue,
    template: `OTP_${target.action}`,
    body: `Your code is ${code}. It is valid for ${OTP_TTL_MINUTES} minutes.`,
  });
  return { otpId: otp.id, messageId };
}

/** Issues a code in its own transaction and delivers it. */
export async function issueOtp(target: OtpTarget, channel?: OutboxChannel): Promise<number> {
  const { otpId, messageId } = await db.$transaction((tx) => issueOtpIn(tx, target, channel));
  await deliverPending([messageId]);
  return otpId;
}

type Where = Prisma.OtpWhereInput;

/**
 * Checks a code against the newest open one for `where` (outside any write transaction, so a
 * wrong try is counted even though the request then fails). Returns the OTP's id; 808 otherwise.
 */
export async function checkOtp(orgId: number, where: Where, code: string): Promise<number> {
  const otp = await db.otp.findFirst({ where: { orgId, closedAt: null, ...where }, orderBy: { id: "desc" }, select: { id: true, codeHash: true, expiresAt: true, attempts: true, maxAttempts: true } });
  if (!otp) throw invalidCode("No code was issued for this action, or it was used: issue a new one.");
  if (otp.expiresAt <= new Date()) throw invalidCode("The code has expired: issue a new one.");
  if (otp.attempts >= otp.maxAttempts) throw invalidCode("Too many wrong tries: issue a new code.");
  if (!codeMatches(otp.codeHash, code)) {
    await db.otp.updateMany({ where: { id: otp.id, attempts: { lt: otp.maxAttempts } }, data: { attempts: { increment: 1 } } });
    throw invalidCode(`The code does not match (${otp.maxAttempts - otp.attempts - 1} tries left).`);
  }
  return otp.id;
}

/** Uses a checked code, once: in the transaction of what it authorises (a second use finds it closed). */
export async function consumeOtp(tx: Pick<Tx, "otp">, otpId: number): Promise<void> {
  const { count } = await tx.otp.updateMany({ where: { id: otpId, closedAt: null }, data: { closedAt: new Date() } });
  if (count === 0) throw invalidCode("The code was already used: issue a new one.");
}
