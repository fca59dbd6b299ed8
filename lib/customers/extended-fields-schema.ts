import { z } from "zod";
import { extendedFieldPath } from "@/lib/expr";

// Extended field definitions (DESIGN §2): typed fields per scope that workflow conditions read as
// <profile>.extField_<name>. Client-safe: the forms and the server actions share these schemas.

export const FIELD_SCOPES = ["TRANSACTION", "CUSTOMER", "USERGROUP"] as const;
export type FieldScopeName = (typeof FIELD_SCOPES)[number];
export const FIELD_TYPES = ["STRING", "NUMBER", "BOOLEAN", "DATE", "ENUM"] as const;
export type FieldTypeName = (typeof FIELD_TYPES)[number];

export const SCOPE_LABELS: Record<FieldScopeName, string> = { TRANSACTION: "Transaction", CUSTOMER: "Customer", USERGROUP: "User group" };
export const TYPE_LABELS: Record<FieldTypeName, string> = { STRING: "Text", NUMBER: "Number", BOOLEAN: "Yes / No", DATE: "Date", ENUM: "List of values" };

/** How a workflow condition refers to the field (the condition language owns the naming). */
export function conditionReference(scope: FieldScopeName, name: string): string {
  return extendedFieldPath(scope, name);
}

export const FIELD_NAME = /^[a-z][a-z0-9_]{0,49}$/;
export const MAX_ALLOWED_VALUES = 100;

// The form sends one value per line (or comma-separated); the API an array. Blank entries are
// dropped, the rest trimmed; a repeat is an error rather than silently merged, since it is
// usually a typo in one of the two.
const allowedValuesSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((raw) => (typeof raw === "string" ? raw.split(/[\n,]/) : raw).map((v) => v.trim()).filter((v) => v !== ""))
  .superRefine((values, ctx) => {
    const seen = new Set<string>();
    for (const v of values) {
      if (v.length > 100) ctx.addIssue({ code: "custom", message: `Keep each value to 100 characters or fewer (“${v.slice(0, 20)}…”).` });
      if (seen.has(v)) ctx.addIssue({ code: "custom", message: `“${v}” is listed twice: each allowed value must be unique.` });
      seen.add(v);
    }
    if (values.length > MAX_ALLOWED_VALUES) ctx.addIssue({ code: "custom", message: `Keep the list to ${MAX_ALLOWED_VALUES} values or fewer.` });
  });

const description = z.string().trim().max(500, "Keep the description to 500 characters or fewer.");

export const createExtendedFieldSchema = z
  .object({
    scope: z.enum(FIELD_SCOPES, { message: "Choose where the field lives." }),
    name: z
      .string()
      .trim()
      .min(1, "Enter a name, e.g. member_card_swiped.")
      .regex(FIELD_NAME, "Use lowercase letters, digits and _, starting with a letter (at most 50 characters), e.g. member_card_swiped."),
    type: z.enum(FIELD_TYPES, { message: "Choose a type." }),
    description,
    allowedValues: allowedValuesSchema,
  })
  .transform((v) => (v.type === "ENUM" ? v : { ...v, allowedValues: [] }))
  .superRefine((v, ctx) => {
    if (v.type === "ENUM" && v.allowedValues.length === 0) {
      ctx.addIssue({ code: "custom", path: ["allowedValues"], message: "Enter at least one allowed value for a list field." });
    }
  });
export type CreateExtendedFieldInput = z.input<typeof createExtendedFieldSchema>;
export type CreateExtendedField = z.output<typeof createExtendedFieldSchema>;

/** Name, scope and type are fixed once created: conditions and API callers refer to them. */
export const updateExtendedFieldSchema = z.object({
  id: z.coerce.number().int().positive(),
  description,
  allowedValues: allowedValuesSchema,
});
export type UpdateExtendedFieldInput = z.input<typeof updateExtendedFieldSchema>;
export type UpdateExtendedField = z.output<typeof updateExtendedFieldSchema>;

export const setExtendedFieldActiveSchema = z.object({ id: z.coerce.number().int().positive(), active: z.boolean() });
