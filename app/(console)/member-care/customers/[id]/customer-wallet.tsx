/**
 * The customer's wallet and points ledger per program (history, expiry schedule, adjustments for
 * ADMIN and MEMBER_CARE): filled by the points issues from lib/ledger. Renders nothing until then.
 */
export async function CustomerWallet(_props: { orgId: number; customerId: number }) {
  return null;
}
