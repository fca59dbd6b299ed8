import { describe, expect, it, vi } from "vitest";
import { createOrg, createUser } from "@/lib/testing/factories";

// scrypt is watched, not replaced: the real hash runs, and the test counts the slow work done.
const scrypt = vi.hoisted(() => ({ fn: null as unknown as ReturnType<typeof vi.fn> }));
vi.mock("node:crypto", async (original) => {
  const real = await original<typeof import("node:crypto")>();
  scrypt.fn = vi.fn(real.scrypt);
  return { ...real, scrypt: scrypt.fn, default: { ...real, scrypt: scrypt.fn } };
});
const { signInResponse } = await import("./sign-in");
const { ACCOUNT_FAILURES, ADDRESS_FAILURES, clientAddress } = await import("./sign-in-throttle");

const post = (email: string, password: string, address: string) =>
  signInResponse(
    new Request("http://localhost:3000/login/submit", {
      method: "POST",
      body: new URLSearchParams({ email, password }),
      headers: { host: "localhost:3000", accept: "application/json", "x-forwarded-for": address },
    }),
  );

async function answer(email: string, password: string, address: string) {
  scrypt.fn.mockClear();
  const res = await post(email, password, address);
  return { status: res.status, body: (await res.json()) as { error?: string; redirect?: string }, retryAfter: res.headers.get("retry-after"), hashes: scrypt.fn.mock.calls.length };
}

describe("sign-in throttling per account", () => {
  it(`locks an account after ${ACCOUNT_FAILURES} failures, even for the right password, and says the same for an account that does not exist`, async () => {
    const { org } = await createOrg();
    const { user, password } = await createUser(org.id, "ADMIN");
    const unknown = `nobody-${org.id}@test.local`;
    for (let i = 0; i < ACCOUNT_FAILURES; i++) {
      // Each from another address: the account's own count locks it.
      expect(await answer(user.email, "wrong", `198.51.100.${i}`)).toMatchObject({ status: 401, hashes: 1 });
      expect(await answer(unknown, "wrong", `198.51.100.${i}`)).toMatchObject({ status: 401, hashes: 1 });
    }
    const known = await answer(user.email, password, "198.51.100.99");
    const stranger = await answer(unknown, "whatever", "198.51.100.99");
    expect(known.status).toBe(429);
    expect(known.body.error).toMatch(/^Too many failed sign-in attempts\. Try again in \d+ minutes?, or ask an admin to reset your password\.$/);
    // Same status, words and work (no hash either way) for an account that does not exist, and
    // the same wait (to the second the two answers were apart).
    const withoutWait = ({ retryAfter, body, ...rest }: typeof known) => ({ ...rest, words: body.error?.replace(/\d+ minutes?/, "N minutes"), retryAfter: Boolean(retryAfter) });
    expect(withoutWait(stranger)).toEqual(withoutWait(known));
    expect(Math.abs(Number(stranger.retryAfter) - Number(known.retryAfter))).toBeLessThanOrEqual(1);
    expect(known.hashes).toBe(0);
    expect(Number(known.retryAfter)).toBeGreaterThan(0);
    // Another account from the same addresses is not locked.
    const { user: colleague, password: theirs } = await createUser(org.id, "VIEWER");
    expect((await answer(colleague.email, theirs, "198.51.100.99")).status).toBe(200);
  });

  it("forgets an account's failures after a successful sign-in", async () => {
    const { org } = await createOrg();
    const { user, password } = await createUser(org.id, "VIEWER");
    for (let i = 0; i < ACCOUNT_FAILURES - 1; i++) await answer(user.email, "wrong", "192.0.2.10");
    expect((await answer(user.email, password, "192.0.2.10")).status).toBe(200);
    for (let i = 0; i < ACCOUNT_FAILURES - 1; i++) expect((await answer(user.email, "wrong", "192.0.2.10")).status).toBe(401);
    expect((await answer(user.email, password, "192.0.2.10")).status).toBe(200);
  });

  it("sends a browser without JavaScript back to the form with the lock message's wait, never the email", async () => {
    const { org } = await createOrg();
    const { user } = await createUser(org.id, "VIEWER");
    for (let i = 0; i < ACCOUNT_FAILURES; i++) await answer(user.email, "wrong", "192.0.2.20");
    const res = await signInResponse(new Request("http://localhost:3000/login/submit", { method: "POST", body: new URLSearchParams({ email: user.email, password: "x" }), headers: { host: "localhost:3000" } }));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/login\?error=locked&wait=\d+&callbackUrl=%2Fprograms$/);
  });
});

describe("sign-in throttling per address", () => {
  it(`locks an address after ${ADDRESS_FAILURES} failures over any accounts, and only that address`, async () => {
    const { org } = await createOrg();
    const { user, password } = await createUser(org.id, "ADMIN");
    for (let i = 0; i < ADDRESS_FAILURES; i++) await answer(`guess-${i}-${org.id}@test.local`, "wrong", "203.0.113.5");
    expect((await answer(user.email, password, "203.0.113.5")).status).toBe(429);
    expect((await answer(user.email, password, "203.0.113.6")).status).toBe(200);
  });

  it("reads the address the nearest proxy saw: the last X-Forwarded-For entry", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "10.0.0.1, 203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientAddress(new Headers({ "x-real-ip": "203.0.113.10" }))).toBe("203.0.113.10");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});
