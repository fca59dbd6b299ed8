import { apiError, type ApiErrorItem } from "./envelope";

export type BodyResult = { ok: true; value: unknown } | { ok: false; status: 400 | 413; error: ApiErrorItem };

/**
 * Reads a JSON request body of at most maxBytes. A declared Content-Length over the limit is
 * refused before anything is read; a chunked body is counted as it streams and cut off at the
 * limit, so a client cannot make the server buffer more than that. An empty body is undefined
 * (the route's schema then says what is missing); text that is not JSON is one 400.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<BodyResult> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge(maxBytes);
  let text: string | null;
  try {
    text = await readCapped(request, maxBytes);
  } catch {
    // The client went away (or its stream broke) before the body ended: nothing was read that
    // could be acted on, and nobody waits for the answer. A 400, not a server error.
    return { ok: false, status: 400, error: apiError(400, "Invalid input : the request body was cut off before its end.") };
  }
  if (text === null) return tooLarge(maxBytes);
  if (text.trim() === "") return { ok: true, value: undefined };
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    const where = error instanceof SyntaxError ? ` (${error.message})` : "";
    return { ok: false, status: 400, error: apiError(400, `Invalid input : body is not valid JSON${where}.`) };
  }
  if (depthOver(value, MAX_JSON_DEPTH)) {
    return { ok: false, status: 400, error: apiError(400, `Invalid input : body is nested deeper than ${MAX_JSON_DEPTH} levels.`) };
  }
  return { ok: true, value };
}

/**
 * No body of the API nests deeper than a dozen levels; a hostile one nested thousands deep would
 * overflow the stack of whatever walks it recursively (schemas, canonical JSON for idempotency,
 * the JSON columns). Refused before anything walks it.
 */
export const MAX_JSON_DEPTH = 64;

/** Whether a parsed JSON value nests deeper than `max` arrays and objects; iterative, so any depth is safe to ask about. */
export function depthOver(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

async function readCapped(request: Request, maxBytes: number): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function tooLarge(maxBytes: number): BodyResult {
  return { ok: false, status: 413, error: apiError(413, `Request body is larger than the limit of ${formatBytes(maxBytes)}.`) };
}

function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
}
