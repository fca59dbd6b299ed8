import "server-only";
import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";
import { canonicalJson, runPrepared, type Work } from "./idempotency";

// A console form's idempotency key, with the API's semantics (lib/api/idempotency.ts): the form
// makes a key when it opens and sends it with every submit, so a double click or a retried
// request runs the work once and replays its answer; the same key with other values is a
// conflict. Refusals are stored too and come back as the domain error they were, on their field.
// Member Care's points and tier adjustments both run through here.

export type ConsoleAnswer<T> = { body: T; replayed: boolean };

/**
 * Runs `prepare` (reads and refusals, outside any transaction) and the work it returns (the
 * writes, in one transaction with the stored answer) once per `key`. `action` names the form
 * ("tier.adjust"): keys of two forms never meet. `values` is what makes two submits the same.
 */
export async function runConsoleIdempotent<T>(
  { orgId, action, key, values }: { orgId: number; action: string; key: string; values: unknown },
  prepare: () => Promise<(tx: Parameters<Work>[0]) => Promise<T>>,
): Promise<ConsoleAnswer<T>> {
  const fingerprint = createHash("sha256").update(`console ${action}\n${canonicalJson(values)}`).digest("hex");
  const answer = await runPrepared({ orgId, key: `console:${action}:${key}`, fingerprint }, async () => {
    const work = await prepare();
    return async (tx) => ({ status: 200, body: await work(tx) });
  });
  if (answer.status !== 200) throw refusalOf(answer);
  return { body: answer.body as T, replayed: answer.replayed };
}

const KIND_OF: Record<number, AppError["kind"]> = { 400: "BAD_REQUEST", 403: "FORBIDDEN", 404: "NOT_FOUND", 409: "CONFLICT", 422: "INVALID" };

/** A stored refusal (or a key reused with other values) back as the domain error it was. */
function refusalOf(answer: { status: number; body: unknown }): AppError {
  const first = (answer.body as { errors?: { message?: string; code?: number; field?: string }[] }).errors?.[0];
  return new AppError(KIND_OF[answer.status] ?? "INVALID", first?.message ?? "The request was refused.", {
    ...(first?.code === undefined ? {} : { code: first.code }),
    ...(first?.field === undefined ? {} : { field: first.field }),
  });
}
