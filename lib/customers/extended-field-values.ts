import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { customerError } from "./errors";

type Tx = Prisma.TransactionClient;
type Value = string | number | boolean | null;

/**
 * Checks customer extended field values against the org's active CUSTOMER-scope declarations
 * (issue 14) and returns them in their declared type. An undeclared or inactive field, or a value
 * that is not of the field's type (or not among an enum's allowed values), is refused with 1017.
 * `null` clears a field on update.
 */
export async function checkCustomerExtendedFields(tx: Tx, orgId: number, values: Record<string, Value>): Promise<Record<string, Value>> {
  const names = Object.keys(values);
  if (names.length === 0) return {};
  const defs = await tx.extendedFieldDef.findMany({
    where: { orgId, scope: "CUSTOMER", name: { in: names } },
    select: { name: true, type: true, allowedValues: true, active: true },
  });
  const byName = new Map(defs.map((d) => [d.name, d]));
  const out: Record<string, Value> = {};
  for (const [name, raw] of Object.entries(values)) {
    const def = byName.get(name);
    if (!def) throw customerError(1017, `extended field ${name} is not declared for customers`, `extendedFields.${name}`);
    if (!def.active) throw customerError(1017, `extended field ${name} is inactive`, `extendedFields.${name}`);
    if (raw === null) {
      out[name] = null;
      continue;
    }
    const value = coerce(def.type, raw);
    if (value === undefined) throw customerError(1017, `extended field ${name} must be ${describe(def.type)}, not ${JSON.stringify(raw)}`, `extendedFields.${name}`);
    if (def.type === "ENUM" && !def.allowedValues.includes(String(value))) {
      throw customerError(1017, `extended field ${name} must be one of ${def.allowedValues.join(", ")}, not ${JSON.stringify(raw)}`, `extendedFields.${name}`);
    }
    out[name] = value;
  }
  return out;
}

function coerce(type: string, raw: string | number | boolean): Value | undefined {
  switch (type) {
    case "STRING":
    case "ENUM":
      return typeof raw === "string" ? raw : typeof raw === "number" ? String(raw) : undefined;
    case "NUMBER": {
      const n = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : NaN;
      return Number.isFinite(n) ? n : undefined;
    }
    case "BOOLEAN":
      if (typeof raw === "boolean") return raw;
      if (raw === "true" || raw === "false") return raw === "true";
      return undefined;
    case "DATE":
      return typeof raw === "string" && /^\d{4}-\d{2}-\d{2}/.test(raw) && !Number.isNaN(Date.parse(raw)) ? raw : undefined;
    default:
      return undefined;
  }
}

function describe(type: string): string {
  return { STRING: "text", ENUM: "text", NUMBER: "a number", BOOLEAN: "true or false", DATE: "an ISO date" }[type] ?? type;
}
