import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { apiError, errorBody } from "./envelope";

// The Idempotency-Key header of points-moving POSTs, with Stripe's semantics (DESIGN §3.4):
// - the first request with a key runs, and its answer (status and body) is stored in the same
//   transaction as the change it made, so an answer exists exactly when the change does;
// - the same key with the same request replays that answer and moves nothing;
// - the same key with another request (method, path, query or body) is a 409;
// - two requests racing with one key: the second waits on the key's unique index, then replays.
// Domain refusals (4xx) are stored too, so a retry gets the same refusal; input that fails
// validation never reaches here and stores nothing.

export type Answer = { status: number; body: unknown };
export type Work = (tx: Prisma.TransactionClient) => Promise<Answer>;

const KEY = /^[\x21-\x7e]{1,255}$/;
const SINGLE = new WeakSet<Work>();

/**
 * Marks work that makes at most one database statement. With no Idempotency-Key to store beside
 * it, runPrepared sends that statement alone, as its own transaction, instead of inside
 * BEGIN … COMMIT: two round trips fewer, and the locks it takes last one statement. With a key,
 * it runs in a transaction with the stored answer like any work.
 */
export function singleStatement(work: Work, when = true): Work {
  if (when) SINGLE.add(work);
  return work;
}
const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

/** The Idempotency-Key header, checked: printable ASCII, at most 255 characters. */
export function idempotencyKeyOf(request: Request): string | null {
  const key = request.headers.get("idempotency-key");
  if (key === null) return null;
  if (!KEY.test(key)) {
    throw new AppError("INVALID", "Idempotency-Key must be 1 to 255 printable ASCII characters.", { code: 400, field: "Idempotency-Key" });
  }
  return key;
}

/** What makes two requests "the same": method, path, sorted query and the body as canonical JSON. */
export function requestFingerprint(request: Request, body: unknown): string {
  const url = new URL(request.url);
  const query = [...url.searchParams.entries()].sort(([a], [b]) => a.localeCompare(b));
  return createHash("sha256")
    .update(`${request.method} ${url.pathname.replace(/^\/api\/(v2|v1\.1)\//, "/$1/")}\n${JSON.stringify(query)}\n${canonicalJson(body)}`)
    .digest("hex");
}

/**
 * Runs `work` in one transaction, idempotently when a key is given. Write conflicts and deadlocks
 * (P2034) are retried: the work is all-or-nothing, so running it again is safe.
 */
export function runIdempotent(opts: { orgId: number; key: string | null; fingerprint: string }, work: Work): Promise<Answer & { replayed: boolean }> {
  return runPrepared(opts, async () => work);
}

/**
 * The same in two phases: `prepare` reads and decides outside any transaction (no connection is
 * held while it runs), and returns the work that writes. A stored answer is replayed before
 * `prepare` runs; a refusal `prepare` throws is stored like one from the work.
 */
export async function runPrepared(
  { orgId, key, fingerprint }: { orgId: number; key: string | null; fingerprint: string },
  prepare: () => Promise<Work>,
): Promise<Answer & { replayed: boolean }> {
  if (key === null) {
    const work = await prepare();
    if (SINGLE.has(work)) return { ...(await retrying(() => work(db))), replayed: false };
    return { ...(await retrying(() => db.$transaction(work, TX_OPTIONS))), replayed: false };
  }
  const stored = await replay(orgId, key, fingerprint);
  if (stored) return stored;
  try {
    const work = await prepare();
    const answer = await retrying(() =>
      db.$transaction(async (tx) => {
        const result = await work(tx);
        await remember(tx, { orgId, key, fingerprint, answer: result });
        return result;
      }, TX_OPTIONS),
    );
    return { ...answer, replayed: false };
  } catch (error) {
    if (error instanceof KeyTaken) {
      const again = await replay(orgId, key, fingerprint);
      if (again) return again;
    }
    if (error instanceof AppError && error.status < 500) {
      const refusal = { status: error.status, body: errorBody([apiError(error.code, error.message, error.field)]) };
      // Stored outside the failed transaction; if a racing request stored first, that answer wins.
      const { count } = await db.apiIdempotency.createMany({ data: [row(orgId, key, fingerprint, refusal)], skipDuplicates: true });
      if (count === 1) return { ...refusal, replayed: false };
      const winner = await replay(orgId, key, fingerprint);
      if (winner) return winner;
    }
    throw error;
  }
}

/** Stores an answer computed outside runPrepared (bulk requests run one transaction per item). */
export async function rememberAnswer({ orgId, key, fingerprint }: { orgId: number; key: string; fingerprint: string }, answer: Answer): Promise<void> {
  await db.apiIdempotency.createMany({ data: [row(orgId, key, fingerprint, answer)], skipDuplicates: true });
}

/** The stored answer for a key, or null; a 409 when the key was used for another request. */
export function storedAnswer(orgId: number, key: string, fingerprint: string): Promise<(Answer & { replayed: true }) | null> {
  return replay(orgId, key, fingerprint);
}

/** One transaction with the options and conflict retries every points write uses. */
export function inPointsTransaction<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return retrying(() => db.$transaction(work, TX_OPTIONS));
}

/** A stored answer as the Response the route returns, marked so clients can tell it is a replay. */
export function answerResponse(answer: Answer & { replayed: boolean }): Response {
  return Response.json(answer.body, {
    status: answer.status,
    headers: { "Cache-Control": "no-store", ...(answer.replayed ? { "Idempotent-Replayed": "true" } : {}) },
  });
}

class KeyTaken extends Error {}

async function replay(orgId: number, key: string, fingerprint: string): Promise<(Answer & { replayed: true }) | null> {
  const found = await db.apiIdempotency.findUnique({ where: { orgId_key: { orgId, key } } });
  if (!found) return null;
  if (found.requestHash !== fingerprint) {
    throw new AppError("CONFLICT", `Idempotency-Key ${key} was already used with a different request.`, { field: "Idempotency-Key" });
  }
  return { status: found.responseStatus, body: found.responseBody, replayed: true };
}

async function remember(
  tx: Prisma.TransactionClient,
  { orgId, key, fingerprint, answer }: { orgId: number; key: string; fingerprint: string; answer: Answer },
): Promise<void> {
  try {
    await tx.apiIdempotency.create({ data: row(orgId, key, fingerprint, answer) });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new KeyTaken();
    throw error;
  }
}

function row(orgId: number, key: string, fingerprint: string, answer: Answer) {
  return { orgId, key, requestHash: fingerprint, responseStatus: answer.status, responseBody: (answer.body ?? {}) as Prisma.InputJsonValue };
}

async function retrying<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const conflict = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2034";
      if (!conflict || attempt >= attempts) throw error;
    }
  }
}

/** JSON with object keys sorted, so {a,b} and {b,a} are the same request. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return "";
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}
