import fc from "fast-check";
import { arbitraryOf, type Dictionary, type JsonSchema } from "./arbitrary";

// What a hostile or broken client sends: the schema's own values with one part replaced by a
// wrong type, a huge or non-finite number, a numeric-looking string, deep nesting, a 1 MB string,
// awkward unicode (NUL, lone surrogates, right-to-left marks); keys removed, added or given
// twice; truncated JSON, wrong content types, bytes that are not UTF-8, bodies over the limit.

export type FuzzBody = { text: string | Uint8Array; contentType: string | null };
export type FuzzInput = { kind: string; params: Record<string, string>; query: [string, string][]; body?: FuzzBody; idempotencyKey?: string };
export type RouteShape = { params?: JsonSchema; query?: JsonSchema; body?: JsonSchema; sendsBody: boolean };

/** A bit under the default API_MAX_BODY_BYTES (1 MiB), so it reaches the schema; ONE_MB_PLUS is over it. */
const ONE_MB_STRING = "x".repeat(1_000_000);
const OVER_LIMIT = "y".repeat(1_100_000);

const deepArray = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};
const deepObject = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

const HOSTILE_STRINGS = [
  "", " ", "NaN", "Infinity", "-Infinity", "1e999", "-1e999", "0x1F", "1_000", " 12 ", "-0", "-1", "0", "9".repeat(40), "1.5", "null", "true", "undefined",
  "\u0000", "a\u0000b", "\ud800", "\udfff\ud800", "\u202Eevil\u202C", "😀".repeat(300), "ﷺ".repeat(2000), "e\u0301\u0301\u0301\u0301", "Ω≈ç√∫",
  "' OR 1=1 --", "\"; DROP TABLE \"Movement\"; --", "<script>alert(1)</script>", "../../etc/passwd", "%00", "%s%n%x", "${7*7}", "{{7*7}}",
  "2026-02-30", "2026-13-01T00:00:00Z", "9999-12-31T23:59:59Z", "0000-01-01", "1970-01-01T00:00:00Z", "-001000-01-01T00:00:00Z",
];

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  {
    weight: 3,
    arbitrary: fc.constantFrom<unknown>(1e308, -1e308, 2 ** 53 + 1, -(2 ** 63), 2 ** 64, 2 ** 31, -(2 ** 31) - 1, 1.5, 0.1, -0, 0, -1, 1e-300, Number.MAX_SAFE_INTEGER, 123456789012345),
  },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], { $ne: 1 }, { __proto__: { admin: true } }, [1, "a", null]) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(deepArray(3000), deepObject(1500), ONE_MB_STRING, [ONE_MB_STRING.slice(0, 300_000)]) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

type Path = (string | number)[];

function pathsOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (out.length > 200) return out;
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...path, i], out));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], out);
  return out;
}

type Mutation = "replace" | "delete" | "extra" | "wrap";

function mutate(value: unknown, path: Path, mutation: Mutation, hostile: unknown): unknown {
  if (path.length === 0) {
    if (mutation === "wrap") return [value];
    if (mutation === "extra" && value && typeof value === "object" && !Array.isArray(value)) return { ...value, extraField: hostile, constructor: hostile };
    return hostile;
  }
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && mutation === "delete") copy.splice(head as number, 1);
    else copy[head as number] = mutate(copy[head as number], rest, mutation, hostile);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  if (rest.length === 0 && mutation === "delete") delete copy[head as string];
  else copy[head as string] = mutate(copy[head as string], rest, mutation, hostile);
  return copy;
}

const json = (text: string | Uint8Array): FuzzBody => ({ text, contentType: "application/json" });

function bodyArbitrary(schema: JsonSchema, dict: Dictionary): fc.Arbitrary<{ kind: string; body: FuzzBody }> {
  const base = arbitraryOf(schema, dict);
  const valid = base.map((v) => ({ kind: "schema", body: json(JSON.stringify(v) ?? "") }));
  const mutated = fc
    .tuple(base, fc.nat(), fc.constantFrom<Mutation>("replace", "replace", "replace", "delete", "extra", "wrap"), hostileValue)
    .map(([value, pick, mutation, hostile]) => {
      const paths = pathsOf(value);
      const path = paths[pick % paths.length]!;
      return { kind: `mutate-${mutation}`, body: json(JSON.stringify(mutate(value, path, mutation, hostile)) ?? "null") };
    });
  const raw = fc.tuple(base, fc.nat(), hostileValue, fc.constantFrom(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)).map(([value, cut, hostile, variant]) => {
    const text = JSON.stringify(value) ?? "null";
    switch (variant) {
      case 0:
        return { kind: "truncated", body: json(text.slice(0, cut % Math.max(text.length, 1))) };
      case 1: {
        // Duplicate keys: JSON.parse keeps the last, so the hostile value is the one that counts.
        const key = value && typeof value === "object" && !Array.isArray(value) ? (Object.keys(value)[0] ?? "points") : "points";
        const dup = text.startsWith("{") && text !== "{}" ? `${text.slice(0, -1)},${JSON.stringify(key)}:${JSON.stringify(hostile) ?? "null"}}` : `{"a":1,"a":${text}}`;
        return { kind: "duplicate-keys", body: json(dup) };
      }
      case 2:
        return { kind: "content-type", body: { text, contentType: ["text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json; charset=latin1"][cut % 5]! } };
      case 3:
        return { kind: "no-content-type", body: { text, contentType: null } };
      case 4:
        return { kind: "not-json", body: json(["<root/>", "a=1&b=2", "\ufeff" + text, "{'a':1}", "[1,]", "{\"a\":1}{\"b\":2}", "NaN", "undefined", "--x\r\n"][cut % 9]!) };
      case 5:
        return { kind: "top-level", body: json(["null", "[]", "1", "\"s\"", "true", "{}", "1e400", "-0", "[" + text + "]"][cut % 9]!) };
      case 6:
        return { kind: "not-utf8", body: json(new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d])) };
      case 7:
        return { kind: "over-limit", body: json(JSON.stringify({ ...(typeof value === "object" && value ? value : {}), padding: OVER_LIMIT })) };
      case 8:
        return { kind: "number-literal", body: json(text.replace(/(?<=[:\[,])-?\d+(\.\d+)?/, ["1e400", "123456789012345678901234567890", "-0.0000000000000000001", "1E+2"][cut % 4]!)) };
      default:
        return { kind: "empty", body: { text: "", contentType: cut % 2 ? "application/json" : null } };
    }
  });
  return fc.oneof({ weight: 3, arbitrary: valid }, { weight: 5, arbitrary: mutated }, { weight: 2, arbitrary: raw });
}

/** Query or path values as strings, as a URL carries them. */
function stringsOf(schema: JsonSchema | undefined, dict: Dictionary, hostileShare: number): fc.Arbitrary<[string, string][]> {
  if (!schema) return fc.constant([]);
  const asText = (v: unknown): string => (typeof v === "string" ? v : typeof v === "object" ? JSON.stringify(v) : String(v));
  const valid = arbitraryOf(schema, dict).map((value) =>
    Object.entries((value ?? {}) as Record<string, unknown>).flatMap(([k, v]): [string, string][] => (Array.isArray(v) ? v.map((x) => [k, asText(x)]) : [[k, asText(v)]])),
  );
  const keys = Object.keys((schema.properties ?? {}) as Record<string, unknown>);
  const hostile = fc.tuple(valid, fc.constantFrom(...(keys.length > 0 ? keys : ["x"])), hostileValue, fc.constantFrom(0, 1, 2, 3, 4)).map(([pairs, key, value, variant]): [string, string][] => {
    const text = typeof value === "string" ? value.slice(0, 2000) : asText(value).slice(0, 2000);
    const others = pairs.filter(([k]) => k !== key);
    if (variant === 0) return [...others, [key, text]];
    if (variant === 1) return [...pairs, [key, text]]; // the key twice
    if (variant === 2) return [...pairs, ["unexpected", text], ["__proto__", "x"]];
    if (variant === 3) return [...others, [key, "9".repeat(9000)]]; // over the 8 KiB query limit
    return others;
  });
  return hostileShare <= 0 ? valid : fc.oneof({ weight: 10 - hostileShare, arbitrary: valid }, { weight: hostileShare, arbitrary: hostile });
}

/** `count` inputs for one route method, the same ones for the same seed. */
export function fuzzInputs(shape: RouteShape, dict: Dictionary, count: number, seed: number): FuzzInput[] {
  const hasBody = Boolean(shape.body);
  const body = shape.body
    ? bodyArbitrary(shape.body, dict)
    : shape.sendsBody
      ? fc.constantFrom({ kind: "unexpected-body", body: json("{\"a\":1}") }, { kind: "none", body: undefined as FuzzBody | undefined })
      : fc.constant({ kind: "none", body: undefined as FuzzBody | undefined });
  const input = fc.record({
    body,
    query: stringsOf(shape.query, dict, hasBody ? 2 : 6),
    params: stringsOf(shape.params, dict, 2),
    idempotencyKey: fc.option(fc.constantFrom("fuzz-key-1", "fuzz-key-2", "k".repeat(300), "\u00e9\u00e8"), { freq: 3 }),
  });
  return fc.sample(input, { numRuns: count, seed }).map(({ body, query, params, idempotencyKey }) => ({
    kind: body.kind,
    body: body.body,
    query,
    // A URL path cannot carry a lone surrogate; Next.js hands the handler the decoded segment.
    params: Object.fromEntries(params.map(([k, v]) => [k, v.toWellFormed()])),
    ...(idempotencyKey ? { idempotencyKey } : {}),
  }));
}
