import { z } from "zod";
import { DATE_FORMAT_EXAMPLE, parseDisplayDate } from "@/lib/format/date";

// Client-safe: the audit log's filters, read from the page's query string (?action=…&from=…).
// Dates come as the console writes them ("12 Mar 2025") or as yyyy-mm-dd, and are kept as
// yyyy-mm-dd.

const optionalText = z.string().trim().max(200).optional().catch(undefined).transform((v) => (v ? v : undefined));
const optionalDate = z
  .string()
  .optional()
  .catch(undefined)
  .transform((v) => (v ? (parseDisplayDate(v) ?? undefined) : undefined));

export const auditQuerySchema = z.object({
  page: z.coerce.number().int().min(1).catch(1),
  actor: optionalText,
  action: optionalText,
  entityType: optionalText,
  from: optionalDate,
  to: optionalDate,
});

export type AuditFilters = { actor?: string | undefined; action?: string | undefined; entityType?: string | undefined; from?: string | undefined; to?: string | undefined };

export const UNREADABLE_DATE = `Enter a date like ${DATE_FORMAT_EXAMPLE}.`;

/**
 * Reads the query string into filters. A date that is not one is dropped (never a 500) and
 * reported on its field, as is a range that ends before it starts.
 */
export function parseAuditQuery(query: Record<string, string | string[] | undefined>): {
  page: number;
  filters: AuditFilters;
  errors: { from?: string; to?: string };
} {
  const flat = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const { page, ...filters } = auditQuerySchema.parse(flat);
  const errors: { from?: string; to?: string } = {};
  for (const key of ["from", "to"] as const) {
    const raw = flat[key];
    if (typeof raw === "string" && raw.trim() !== "" && !filters[key]) errors[key] = UNREADABLE_DATE;
  }
  if (filters.from && filters.to && filters.to < filters.from) {
    return { page, filters: { ...filters, to: undefined }, errors: { ...errors, to: "The end date is before the start date." } };
  }
  return { page, filters, errors };
}

/** The UTC instants a yyyy-mm-dd range covers: from midnight of `from` up to (not incl.) the day after `to`. */
export function dateRangeOf(filters: Pick<AuditFilters, "from" | "to">): { gte?: Date; lt?: Date } {
  const range: { gte?: Date; lt?: Date } = {};
  if (filters.from) range.gte = new Date(`${filters.from}T00:00:00.000Z`);
  if (filters.to) range.lt = new Date(Date.parse(`${filters.to}T00:00:00.000Z`) + 24 * 60 * 60 * 1000);
  return range;
}
