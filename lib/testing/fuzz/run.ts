import { ledgerFingerprint, type FuzzContext } from "./context";
import { fuzzInputs, type FuzzInput } from "./hostile";
import { requestUrl, type FuzzTarget } from "./targets";

// Sends one route its fuzzed inputs through the real handler on the real database and checks
// each answer: never 5xx; a 4xx is the error envelope and leaves the ledger as it was (a refused
// request moves no points). 2xx answers may move points: the next 4xx is compared with that.
// A GET may never move points, whatever it answers, nor may a handler that parses nothing (the
// unknown-path 404s): their ledger is compared once, after all their inputs (the stronger check,
// and a query less per request).

export type FuzzFailure = { input: string; status: number; problem: string; logged?: string };
export type FuzzResult = { label: string; bodies: number; fiveXX: number; byStatus: Record<number, number>; failures: FuzzFailure[] };

export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261201);

export async function fuzzRoute(target: FuzzTarget, context: FuzzContext, runs = FUZZ_RUNS, seed = FUZZ_SEED): Promise<FuzzResult> {
  const inputs = fuzzInputs(target.shape, context.dictionary, runs, seed ^ hash(target.label));
  const result: FuzzResult = { label: target.label, bodies: 0, fiveXX: 0, byStatus: {}, failures: [] };
  const readOnly = target.method === "GET" || !target.parses;
  const start = await ledgerFingerprint();
  let ledger = start;
  for (const [i, input] of inputs.entries()) {
    const authorization = i % 10 === 9 ? context.authorizations.pos : context.authorizations.backOffice;
    const { status, text, logged } = await send(target, input, authorization);
    result.bodies++;
    result.byStatus[status] = (result.byStatus[status] ?? 0) + 1;
    const fail = (problem: string) => result.failures.length < 8 && result.failures.push({ input: describe(input), status, problem, ...(logged ? { logged } : {}) });
    if (status >= 500) {
      result.fiveXX++;
      fail(`answered ${status}: ${text.slice(0, 300)}`);
    } else if (status >= 400) {
      if (!isEnvelope(text)) fail(`a ${status} outside the error envelope: ${text.slice(0, 200)}`);
      if (readOnly) continue;
      const after = await ledgerFingerprint();
      if (after !== ledger) fail(`a ${status} changed the ledger (${ledger} → ${after})`);
      ledger = after;
    } else if (!readOnly) {
      ledger = await ledgerFingerprint();
    }
  }
  if (readOnly) {
    const end = await ledgerFingerprint();
    if (end !== start) result.failures.push({ input: "(all inputs)", status: 0, problem: `GET requests changed the ledger (${start} → ${end})` });
  }
  console.log(`fuzz ${target.label} ${result.bodies} ${result.fiveXX}`);
  return result;
}

async function send(target: FuzzTarget, input: FuzzInput, authorization: string): Promise<{ status: number; text: string; logged: string }> {
  const headers = new Headers({ authorization });
  if (input.body?.contentType) headers.set("content-type", input.body.contentType);
  if (input.idempotencyKey) headers.set("idempotency-key", input.idempotencyKey);
  const request = new Request(requestUrl(target.file, input.params, input.query), {
    method: target.method,
    headers,
    ...(input.body ? { body: input.body.text as BodyInit } : {}),
  });
  // What the handler logs as a bug (withApiClient's console.error) goes with the failure report.
  const logged: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => logged.push(args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(" ").slice(0, 1500));
  try {
    const response = await target.handler(request, { params: Promise.resolve(input.params) });
    return { status: response.status, text: await response.text(), logged: logged.join("\n") };
  } finally {
    console.error = original;
  }
}

function isEnvelope(text: string): boolean {
  try {
    const body = JSON.parse(text) as { errors?: { status?: unknown; code?: unknown; message?: unknown }[] };
    return Array.isArray(body.errors) && body.errors.length > 0 && body.errors.every((e) => e.status === false && typeof e.code === "number" && typeof e.message === "string");
  } catch {
    return false;
  }
}

function describe(input: FuzzInput): string {
  const body = input.body ? (typeof input.body.text === "string" ? input.body.text : `<${input.body.text.byteLength} bytes>`) : "";
  const short = body.length > 300 ? `${body.slice(0, 300)}… (${body.length} chars)` : body;
  return `${input.kind} params=${JSON.stringify(input.params)} query=${JSON.stringify(input.query).slice(0, 300)} type=${input.body?.contentType ?? "-"} key=${input.idempotencyKey ?? "-"} body=${short}`;
}

function hash(text: string): number {
  let h = 0;
  for (const c of text) h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
  return h;
}
