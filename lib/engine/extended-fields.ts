import { BadRequestError, unknownFieldError } from "./errors";

// Transaction extended fields are checked against the org's TRANSACTION declarations (issue 13):
// an undeclared (or inactive) name or a value its type or list does not allow is a 400 naming it,
// and nothing is saved. Every declared field the bill leaves out is null for the conditions.

export type FieldDef = { name: string; type: "STRING" | "NUMBER" | "BOOLEAN" | "DATE" | "ENUM"; allowedValues: string[] };
export type FieldValue = string | number | boolean | null;

export function checkTransactionFields(defs: readonly FieldDef[], values: Record<string, FieldValue> | undefined): Record<string, FieldValue> {
  const byName = new Map(defs.map((d) => [d.name, d]));
  const out: Record<string, FieldValue> = {};
  for (const [name, raw] of Object.entries(values ?? {})) {
    const def = byName.get(name);
    if (!def) throw unknownFieldError(name);
    out[name] = raw === null ? null : coerce(def, raw);
  }
  return out;
}

/** What conditions read as currentTxn.extField_<name>: every declared field, null when absent. */
export function fieldsForConditions(defs: readonly FieldDef[], values: Record<string, FieldValue>): Record<string, FieldValue> {
  return Object.fromEntries(defs.map((d) => [`extField_${d.name}`, values[d.name] ?? null]));
}

function coerce(def: FieldDef, raw: string | number | boolean): FieldValue {
  const bad = (why: string) =>
    new BadRequestError(`Extended field ${def.name} ${why}.`, { field: `extendedFields.${def.name}` });
  switch (def.type) {
    case "NUMBER": {
      const n = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : NaN;
      if (!Number.isFinite(n)) throw bad(`must be a number, got ${JSON.stringify(raw)}`);
      return n;
    }
    case "BOOLEAN": {
      if (typeof raw === "boolean") return raw;
      const text = String(raw).toLowerCase();
      if (["true", "yes", "1"].includes(text)) return true;
      if (["false", "no", "0"].includes(text)) return false;
      throw bad(`must be true or false, got ${JSON.stringify(raw)}`);
    }
    case "DATE": {
      if (typeof raw !== "string" || Number.isNaN(Date.parse(raw))) throw bad(`must be a date (YYYY-MM-DD), got ${JSON.stringify(raw)}`);
      return raw;
    }
    case "ENUM": {
      const text = String(raw);
      if (!def.allowedValues.includes(text)) throw bad(`does not allow ${JSON.stringify(raw)}: allowed values are ${def.allowedValues.join(", ")}`);
      return text;
    }
    default:
      return String(raw);
  }
}
