import { z } from "zod";

// Client-safe (no Prisma, no server-only): the Organisation forms and the server actions share
// these schemas, so a value the form accepts is exactly what lib/ accepts.

/** The five kinds of org unit (DESIGN §2): a till belongs to a store; a store to a zone and a concept. */
export const ORG_UNIT_KINDS = ["zone", "concept", "cardSeries", "store", "till"] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

export const ORG_UNIT_LABELS: Record<OrgUnitKind, { one: string; many: string; tab: string }> = {
  zone: { one: "zone", many: "zones", tab: "zones" },
  concept: { one: "concept", many: "concepts", tab: "concepts" },
  cardSeries: { one: "card series", many: "card series", tab: "card-series" },
  store: { one: "store", many: "stores", tab: "stores" },
  till: { one: "till", many: "tills", tab: "tills" },
};

export const CODE_MAX = 30;
export const NAME_MAX = 100;
export const PREFIX_MAX = 12;

/**
 * Codes are how external systems name an org unit (a POS sends its till code), so they are kept
 * to a plain, case-insensitive alphabet: trimmed and upper-cased before anything checks them.
 */
export const codeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .min(1, "Enter a code, e.g. NORTH.")
  .max(CODE_MAX, `Keep the code to ${CODE_MAX} characters or fewer.`)
  .regex(/^[A-Z0-9_-]+$/, "Use only letters, digits, hyphens (-) and underscores (_).");

export const nameSchema = z
  .string()
  .trim()
  .min(1, "Enter a name.")
  .max(NAME_MAX, `Keep the name to ${NAME_MAX} characters or fewer.`);

/** Card numbers of a series start with its prefix (how a card finds its series); digits only. */
export const prefixSchema = z
  .string()
  .trim()
  .max(PREFIX_MAX, `Keep the prefix to ${PREFIX_MAX} digits or fewer.`)
  .regex(/^\d*$/, "Use digits only: card numbers are numeric.")
  .transform((v) => (v === "" ? null : v));

// Selects send "" when nothing is chosen (coerced to 0): say which choice is missing, not "expected number".
const refSchema = (what: string) => {
  const message = `Choose a ${what}.`;
  return z.coerce.number({ error: message }).int(message).positive(message);
};

export const zoneInputSchema = z.object({ code: codeSchema, name: nameSchema });
export const conceptInputSchema = z.object({ code: codeSchema, name: nameSchema });
export const cardSeriesInputSchema = z.object({ code: codeSchema, name: nameSchema, prefix: prefixSchema });
export const storeInputSchema = z.object({ code: codeSchema, name: nameSchema, zoneId: refSchema("zone"), conceptId: refSchema("concept") });
export const tillInputSchema = z.object({ code: codeSchema, name: nameSchema, storeId: refSchema("store") });

export const orgUnitInputSchema = z.discriminatedUnion("kind", [
  zoneInputSchema.extend({ kind: z.literal("zone") }),
  conceptInputSchema.extend({ kind: z.literal("concept") }),
  cardSeriesInputSchema.extend({ kind: z.literal("cardSeries") }),
  storeInputSchema.extend({ kind: z.literal("store") }),
  tillInputSchema.extend({ kind: z.literal("till") }),
]);
export type OrgUnitInput = z.output<typeof orgUnitInputSchema>;

export const unitIdSchema = z.coerce.number().int().positive();

export const orgUnitUpdateSchema = z.discriminatedUnion("kind", [
  zoneInputSchema.extend({ kind: z.literal("zone"), id: unitIdSchema }),
  conceptInputSchema.extend({ kind: z.literal("concept"), id: unitIdSchema }),
  cardSeriesInputSchema.extend({ kind: z.literal("cardSeries"), id: unitIdSchema }),
  storeInputSchema.extend({ kind: z.literal("store"), id: unitIdSchema }),
  tillInputSchema.extend({ kind: z.literal("till"), id: unitIdSchema }),
]);
export type OrgUnitUpdate = z.output<typeof orgUnitUpdateSchema>;

export const setUnitActiveSchema = z.object({ kind: z.enum(ORG_UNIT_KINDS), id: unitIdSchema, active: z.boolean() });

/** What the form edits, as strings (selects and inputs give text); the schemas above parse it. */
export type OrgUnitFormValues = { code: string; name: string; prefix: string; zoneId: string; conceptId: string; storeId: string };

// The page's query string: ?tab=tills&page=2. A bad value falls back, never a 500.
export const organisationQuerySchema = z.object({
  tab: z.enum(ORG_UNIT_KINDS.map((k) => ORG_UNIT_LABELS[k].tab) as [string, ...string[]]).catch("zones"),
  page: z.coerce.number().int().min(1).catch(1),
});

export function kindOfTab(tab: string): OrgUnitKind {
  return ORG_UNIT_KINDS.find((k) => ORG_UNIT_LABELS[k].tab === tab) ?? "zone";
}
