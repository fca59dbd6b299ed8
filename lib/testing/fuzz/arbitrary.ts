import fc from "fast-check";

// Inputs drawn from a route's own zod schema (as JSON Schema, `z.toJSONSchema(…, { io: "input" })`),
// so most of them pass the schema and reach the domain code behind it. Values the database
// already holds (ids, mobiles, external ids of the fuzzed org) are mixed in: a random integer
// seldom names a customer, and a request that finds nobody tests little.

export type JsonSchema = { [key: string]: unknown };
export type Dictionary = { integers: readonly number[]; strings: readonly string[] };

const MAX_DEPTH = 6;
const MAX_ITEMS = 4;

export function arbitraryOf(schema: JsonSchema, dict: Dictionary, root: JsonSchema = schema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > MAX_DEPTH) return fc.constant(null);
  const next = (s: unknown) => arbitraryOf(asSchema(s), dict, root, depth + 1);

  if (typeof schema.$ref === "string") return next(resolveRef(root, schema.$ref));
  if ("const" in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  for (const key of ["anyOf", "oneOf"] as const) {
    if (Array.isArray(schema[key]) && schema[key].length > 0) return fc.oneof(...(schema[key] as unknown[]).map(next));
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) return next(schema.allOf[0]);
  if (Array.isArray(schema.type)) return fc.oneof(...(schema.type as string[]).map((type) => next({ ...schema, type })));

  switch (schema.type) {
    case "string":
      return stringOf(schema, dict);
    case "integer":
      return integerOf(schema, dict);
    case "number":
      return fc.oneof(integerOf(schema, dict), fc.double({ ...numberRange(schema), noNaN: true, noDefaultInfinity: true }));
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const items = schema.items ? next(schema.items) : fc.jsonValue({ maxDepth: 1 });
      const minLength = num(schema.minItems) ?? 0;
      return fc.array(items, { minLength, maxLength: Math.max(minLength, Math.min(num(schema.maxItems) ?? MAX_ITEMS, MAX_ITEMS)) });
    }
    case "object":
      return objectOf(schema, next);
    default:
      // {} is "anything" (z.unknown(), z.any(), or what JSON Schema cannot say).
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectOf(schema: JsonSchema, next: (s: unknown) => fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const model = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, next(value)]));
  const record = fc.record(model, { requiredKeys: Object.keys(model).filter((k) => required.has(k)) });
  const extra = schema.additionalProperties;
  if (extra && typeof extra === "object" && Object.keys(properties).length === 0) {
    return fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), next(extra), { maxKeys: MAX_ITEMS });
  }
  return record;
}

function stringOf(schema: JsonSchema, dict: Dictionary): fc.Arbitrary<string> {
  const minLength = num(schema.minLength) ?? 0;
  const maxLength = num(schema.maxLength) ?? 64;
  const fits = (s: string) => s.length >= minLength && s.length <= maxLength;
  let own: fc.Arbitrary<string>;
  if (schema.format === "date-time") own = isoDate().map((d) => d.toISOString());
  else if (schema.format === "date") own = isoDate().map((d) => d.toISOString().slice(0, 10));
  else if (schema.format === "email") own = fc.emailAddress();
  else if (typeof schema.pattern === "string") own = matching(schema.pattern) ?? fc.string({ minLength, maxLength: Math.min(maxLength, 40) });
  else own = fc.string({ minLength, maxLength: Math.min(maxLength, 40), unit: "grapheme" });
  const known = dict.strings.filter(fits).concat(dict.integers.map(String).filter(fits));
  const pattern = typeof schema.pattern === "string" ? safeRegExp(schema.pattern) : null;
  const allowed = pattern ? known.filter((s) => pattern.test(s)) : known;
  return allowed.length > 0 ? fc.oneof(own, fc.constantFrom(...allowed)) : own;
}

function integerOf(schema: JsonSchema, dict: Dictionary): fc.Arbitrary<number> {
  const { min, max } = numberRange(schema);
  const lo = Math.ceil(Math.max(min ?? -(2 ** 31), Number.MIN_SAFE_INTEGER));
  const hi = Math.floor(Math.min(max ?? 2 ** 31 - 1, Number.MAX_SAFE_INTEGER));
  const own = lo <= hi ? fc.oneof(fc.integer({ min: lo, max: hi }), fc.integer({ min: Math.max(lo, 0), max: Math.max(Math.min(hi, 1000), Math.max(lo, 0)) })) : fc.constant(lo);
  const known = dict.integers.filter((n) => n >= lo && n <= hi);
  return known.length > 0 ? fc.oneof(own, fc.constantFrom(...known)) : own;
}

function numberRange(schema: JsonSchema): { min?: number; max?: number } {
  const exMin = num(schema.exclusiveMinimum);
  const exMax = num(schema.exclusiveMaximum);
  const min = num(schema.minimum) ?? (exMin !== undefined ? exMin + (schema.type === "integer" ? 1 : 1e-6) : undefined);
  const max = num(schema.maximum) ?? (exMax !== undefined ? exMax - (schema.type === "integer" ? 1 : 1e-6) : undefined);
  return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
}

const isoDate = () => fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2035-12-31T00:00:00Z"), noInvalidDate: true });

function matching(pattern: string): fc.Arbitrary<string> | null {
  const regexp = safeRegExp(pattern);
  if (!regexp) return null;
  try {
    return fc.stringMatching(regexp);
  } catch {
    return null;
  }
}

function safeRegExp(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern, "u");
  } catch {
    return null;
  }
}

function resolveRef(root: JsonSchema, ref: string): JsonSchema {
  let node: unknown = root;
  for (const part of ref.replace(/^#\//, "").split("/")) node = (node as JsonSchema | undefined)?.[part];
  return asSchema(node);
}

function asSchema(value: unknown): JsonSchema {
  return value && typeof value === "object" ? (value as JsonSchema) : {};
}

function num(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}
