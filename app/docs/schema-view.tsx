import { resolveRef, typeLabel, type JsonSchema, type OpenApiJson } from "./openapi-view-model";

/** A schema as a nested list of fields: name, type, required, description and constraints. */
export function SchemaView({ doc, schema, depth = 0 }: { doc: OpenApiJson; schema: JsonSchema; depth?: number }) {
  const { schema: resolved } = resolveRef(doc, schema);
  const target = resolved.type === "array" && resolved.items ? resolveRef(doc, resolved.items).schema : resolved;
  const variants = target.anyOf ?? target.oneOf;
  if (variants && depth < 4) {
    return (
      <ul className="space-y-2">
        {variants.map((v, i) => (
          <li key={i} className="rounded border border-dashed border-slate-200 p-2">
            <div className="mb-1 text-xs text-slate-500">one of: {typeLabel(doc, v)}</div>
            <SchemaView doc={doc} schema={v} depth={depth + 1} />
          </li>
        ))}
      </ul>
    );
  }
  if (!target.properties) return <p className="font-mono text-xs text-slate-700">{typeLabel(doc, schema)}</p>;
  const required = new Set(target.required ?? []);
  return (
    <ul className={depth > 0 ? "ml-4 border-l border-slate-200 pl-3" : ""}>
      {Object.entries(target.properties).map(([name, prop]) => {
        const inner = resolveRef(doc, prop.type === "array" && prop.items ? prop.items : prop).schema;
        return (
          <li key={name} className="py-1 text-sm">
            <code className="font-mono font-medium text-slate-900">{name}</code>{" "}
            <span className="font-mono text-xs text-brand-700">{typeLabel(doc, prop)}</span>
            {required.has(name) ? <span className="ml-1 text-xs font-medium text-rose-700">required</span> : null}
            <Constraints schema={prop} />
            {prop.description ? <p className="text-xs text-slate-600">{prop.description}</p> : null}
            {(inner.properties || inner.anyOf || inner.oneOf) && depth < 4 ? <SchemaView doc={doc} schema={prop} depth={depth + 1} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

function Constraints({ schema }: { schema: JsonSchema }) {
  const parts = [
    schema.minLength !== undefined ? `min length ${schema.minLength}` : null,
    schema.maxLength !== undefined ? `max length ${schema.maxLength}` : null,
    schema.minimum !== undefined ? `≥ ${schema.minimum}` : null,
    schema.maximum !== undefined ? `≤ ${schema.maximum}` : null,
    schema.minItems !== undefined ? `at least ${schema.minItems}` : null,
    schema.maxItems !== undefined ? `at most ${schema.maxItems}` : null,
    schema.pattern ? `pattern ${schema.pattern}` : null,
    schema.default !== undefined ? `default ${JSON.stringify(schema.default)}` : null,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return <span className="ml-2 text-xs text-slate-500">({parts.join(", ")})</span>;
}
