import { describe, expect, it } from "vitest";
import { depthOver, MAX_JSON_DEPTH, readJsonBody } from "./body";

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
};
const post = (text: string) => new Request("http://localhost/x", { method: "POST", body: text });

describe("readJsonBody", () => {
  it("reads JSON nested up to the limit and refuses deeper nesting with one 400", async () => {
    expect(await readJsonBody(post(JSON.stringify(nested(MAX_JSON_DEPTH))), 1024 * 1024)).toMatchObject({ ok: true });
    expect(await readJsonBody(post(JSON.stringify(nested(MAX_JSON_DEPTH + 1))), 1024 * 1024)).toEqual({
      ok: false,
      status: 400,
      error: { status: false, code: 400, message: `Invalid input : body is nested deeper than ${MAX_JSON_DEPTH} levels.` },
    });
    // Thousands of levels: answered, not a stack overflow.
    expect(await readJsonBody(post("[".repeat(100_000) + "]".repeat(100_000)), 1024 * 1024)).toMatchObject({ ok: false, status: 400 });
  });

  it("answers a body the client cut off (it went away mid-request) with a 400, not a server error", async () => {
    const sent = new TextEncoder().encode('{"billNumber": "B1", "bill');
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulls++ === 0) controller.enqueue(sent);
        else controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
      },
    });
    const cut = new Request("http://localhost/x", { method: "POST", body, duplex: "half" } as RequestInit);
    expect(await readJsonBody(cut, 1024 * 1024)).toEqual({
      ok: false,
      status: 400,
      error: { status: false, code: 400, message: "Invalid input : the request body was cut off before its end." },
    });
  });

  it("counts arrays and objects, not scalars", () => {
    expect(depthOver({ a: [1, "x", null, { b: true }] }, 3)).toBe(false);
    expect(depthOver({ a: [1, "x", null, { b: [] }] }, 3)).toBe(true);
    expect(depthOver("text", 0)).toBe(false);
  });
});
