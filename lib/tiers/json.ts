import type { TierChangeResult } from "./apply";

/** A tier change as the API shows it (our field names, in the vendor's tier vocabulary). */
export function tierChangeJson(c: TierChangeResult) {
  return {
    customerId: c.customerId,
    programId: c.programId,
    slabAction: c.action,
    cause: c.cause,
    previousSlab: c.from,
    currentSlab: c.to,
    tierExpiryDate: c.expiresAt?.toISOString() ?? null,
    reason: c.reason,
  };
}
