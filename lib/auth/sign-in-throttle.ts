import "server-only";
import { clearHits, peekHits, recordHit } from "./rate-limit";
import { verifyCredentials, type SessionUser } from "./users";

// Sign-in attempts throttled per account and per network address, counted in the database
// (lib/auth/rate-limit.ts) so every app instance sees the same count. Only failures count; a
// success clears its account's. The lock is decided before the password is checked and says the
// same thing, after the same work, whether or not the account exists: the throttle must not
// become a way to find out which emails have accounts.

const WINDOW_MS = 15 * 60 * 1000;
/** Failed sign-ins per account within 15 minutes before it is locked for the rest of them. */
export const ACCOUNT_FAILURES = 5;
/** Failed sign-ins from one address within 15 minutes (an office behind one NAT shares it). */
export const ADDRESS_FAILURES = 50;

export type SignInOutcome = { ok: true; user: SessionUser } | { ok: false; locked: false } | { ok: false; locked: true; retryAfterSeconds: number };

export function lockedMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or ask an admin to reset your password.`;
}

export async function throttledSignIn(email: string, password: string, address: string): Promise<SignInOutcome> {
  const buckets = { account: `signin:account:${email.trim().toLowerCase()}`, address: `signin:ip:${address}` };
  const [account, network] = await Promise.all([
    peekHits(buckets.account, ACCOUNT_FAILURES, WINDOW_MS),
    peekHits(buckets.address, ADDRESS_FAILURES, WINDOW_MS),
  ]);
  if (!account.allowed || !network.allowed) {
    const waits = [account, network].map((d) => (d.allowed ? 0 : d.retryAfterSeconds));
    return { ok: false, locked: true, retryAfterSeconds: Math.max(...waits) };
  }
  const user = await verifyCredentials(email, password);
  if (!user) {
    await Promise.all([recordHit(buckets.account, WINDOW_MS), recordHit(buckets.address, WINDOW_MS)]);
    return { ok: false, locked: false };
  }
  await clearHits(buckets.account);
  return { ok: true, user };
}

/**
 * The caller's network address as the nearest proxy saw it: the last X-Forwarded-For entry
 * (a reverse proxy appends the peer it saw; Next.js sets the socket's address when the header is
 * absent). Without a proxy in front a client can write the header itself, so production runs
 * behind one (README "Abuse limits"); the per-account limit holds either way.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean);
  return forwarded?.at(-1) ?? headers.get("x-real-ip") ?? "unknown";
}
