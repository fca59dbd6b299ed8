import type { JsonSchema } from "@/lib/testing/fuzz/arbitrary";

// Where an input schema (as JSON Schema) lets a string grow without limit: each unbounded string
// by its path (`body.profiles[].fields.*`). A string is bounded by maxLength, an enum, a const,
// or a pattern that cannot match a longer string than some length (anchored at both ends, with
// no `*`, `+` or open `{n,}` repetition, e.g. `^[1-9]\d{0,9}$`).
// (Lists and numbers of keys are bounded by the body limit, API_MAX_BODY_BYTES, and by what each
// item may hold.) Used by lib/api/schema-bounds.test.ts over every route.

export function unboundedSpots(schema: JsonSchema, at = "", root: JsonSchema = schema, seen = new Set<string>()): string[] {
  const spots: string[] = [];
  const visit = (node: unknown, path: string) => spots.push(...unboundedSpots(asSchema(node), path, root, seen));
  if (typeof schema.$ref === "string") {
    if (seen.has(schema.$ref)) return [];
    seen.add(schema.$ref);
    let node: unknown = root;
    for (const part of schema.$ref.replace(/^#\//, "").split("/")) node = asSchema(node)[part];
    visit(node, at);
    return spots;
  }
  if ("const" in schema || Array.isArray(schema.enum)) return [];
  for (const key of ["anyOf", "oneOf", "allOf"] as const) {
    if (Array.isArray(schema[key])) for (const option of schema[key] as unknown[]) visit(option, at);
  }
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type];
  if (types.includes("string") && typeof schema.maxLength !== "number" && !boundedPattern(schema.pattern)) spots.push(at || "(root)");
  if (types.includes("array") && schema.items) visit(schema.items, `${at}[]`);
  if (types.includes("object") || schema.properties) {
    for (const [key, value] of Object.entries(asSchema(schema.properties))) visit(value, at ? `${at}.${key}` : key);
    if (schema.additionalProperties && typeof schema.additionalProperties === "object") visit(schema.additionalProperties, `${at}.*`);
  }
  return spots;
}

export function boundedPattern(pattern: unknown): boolean {
  if (typeof pattern !== "string") return false;
  // Escaped characters first (`\*` is a star, not a repetition), then what is inside [ ].
  const bare = pattern.replace(/\\./g, "x").replace(/\[[^\]]*\]/g, "x");
  return bare.startsWith("^") && bare.endsWith("$") && !/[*+]|\{\d*,\}/.test(bare);
}

function asSchema(value: unknown): JsonSchema {
  return value && typeof value === "object" ? (value as JsonSchema) : {};
}
