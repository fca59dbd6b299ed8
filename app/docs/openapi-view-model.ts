// The slice of an OpenAPI 3.1 document the viewer reads, as plain JSON (narrow types, no `any`).
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  description?: string;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  example?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
};

export type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema };
type Example = { summary?: string; value?: unknown };
type Media = { schema?: JsonSchema; examples?: Record<string, Example> };
export type ResponseDoc = { description: string; content?: Record<string, Media> };
export type Operation = {
  summary?: string;
  description?: string;
  tags?: string[];
  "x-scope"?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, Media> };
  responses: Record<string, ResponseDoc>;
};
export type OpenApiJson = {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

export const METHODS = ["get", "post", "put", "patch", "delete"] as const;

export type Endpoint = { method: (typeof METHODS)[number]; path: string; operation: Operation };

/** Endpoints grouped by their first tag, in document order. */
export function endpointsByTag(doc: OpenApiJson): Map<string, Endpoint[]> {
  const byTag = new Map<string, Endpoint[]>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const tag = operation.tags?.[0] ?? "Other";
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method, path, operation }]);
    }
  }
  return byTag;
}

export function anchorOf(e: Pick<Endpoint, "method" | "path">): string {
  return `${e.method}-${e.path.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;
}

/** Follows a local `#/components/schemas/X` reference. */
export function resolveRef(doc: OpenApiJson, schema: JsonSchema): { name?: string; schema: JsonSchema } {
  if (!schema.$ref) return { schema };
  const name = schema.$ref.replace("#/components/schemas/", "");
  return { name, schema: doc.components?.schemas?.[name] ?? {} };
}

/** One-line type of a schema: `string`, `integer[]`, `"a" | "b"`, `ProgramSummary`. */
export function typeLabel(doc: OpenApiJson, schema: JsonSchema): string {
  if (schema.$ref) return resolveRef(doc, schema).name ?? "object";
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map((v) => typeLabel(doc, v)).join(" | ");
  if (schema.type === "array") return `${schema.items ? typeLabel(doc, schema.items) : "unknown"}[]`;
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "any");
  return schema.format ? `${type} (${schema.format})` : type;
}
