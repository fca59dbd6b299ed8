import { buildSchema, type ExtendedFieldDecl, type Schema } from "@/lib/expr";

// The browser's side of org-schema.ts: the same schema from the same declarations.
const cache = new WeakMap<readonly ExtendedFieldDecl[], Schema>();

export function schemaOf(decls: readonly ExtendedFieldDecl[]): Schema {
  let schema = cache.get(decls);
  if (!schema) {
    schema = buildSchema({ extendedFields: decls });
    cache.set(decls, schema);
  }
  return schema;
}
