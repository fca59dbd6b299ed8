import "server-only";
import { AppError } from "@/lib/errors";
import type { Tx } from "./store";

type Value = string | number | boolean | null;

/**
 * Checks a group's extended fields against the org's USERGROUP declarations (SPEC §1.1: "only
 * fields defined for entity type usergroup2") and returns them in their declared type. A null
 * value removes the field on update.
 */
export async function checkGroupExtendedFields(tx: Pick<Tx, "extendedFieldDef">, orgId: number, values: Record<string, Value>): Promise<Record<string, Value>> {
  const names = Object.keys(values);
  if (names.length === 0) return {};
  const defs = await tx.extendedFieldDef.findMany({
    where: { orgId, scope: "USERGROUP", active: true, name: { in: names } },
    select: { name: true, type: true, allowedValues: true },
  });
  const byName = new Map(defs.map((d) => [d.name, d]));
  const out: Record<string, Value> = {};
  for (const [name, raw] of Object.entries(values)) {
    const def = byName.get(name);
    if (!def) throw invalid(name, `${name} is not a user group extended field of this org`);
    if (raw === null) {
      out[name] = null;
      continue;
    }
    out[name] = coerce(def, name, raw);
  }
  return out;
}

function coerce(def: { type: string; allowedValues: string[] }, name: string, raw: string | number | boolean): Value {
  switch (def.type) {
    case "NUMBER": {
      const n = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : NaN;
      if (!Number.isFinite(n)) throw invalid(name, "must be a number");
      return n;
    }
    case "BOOLEAN":
      if (typeof raw === "boolean") return raw;
      if (raw === "true" || raw === "false") return raw === "true";
      throw invalid(name, "must be true or false");
    case "DATE":
      if (typeof raw !== "string" || Number.isNaN(Date.parse(raw))) throw invalid(name, "must be an ISO date, e.g. 2025-11-10T15:10:00Z");
      return raw;
    case "ENUM":
      if (typeof raw !== "string" || !def.allowedValues.includes(raw)) throw invalid(name, `must be one of ${def.allowedValues.join(", ")}`);
      return raw;
    default:
      if (typeof raw === "boolean") throw invalid(name, "must be text");
      return String(raw);
  }
}

function invalid(name: string, why: string): AppError {
  return new AppError("INVALID", `Invalid input : extendedFields.${name}: ${why}.`, { code: 400, field: `extendedFields.${name}` });
}
