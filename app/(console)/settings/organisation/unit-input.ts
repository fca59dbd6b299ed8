import type { OrgUnitFormValues, OrgUnitKind, orgUnitInputSchema } from "@/lib/programs/org-structure/schema";
import type { z } from "zod";

type ActionInput = z.input<typeof orgUnitInputSchema>;

/** The form's text values as the action's input for the kind: only the fields the kind has. */
export function toActionInput(kind: OrgUnitKind, v: OrgUnitFormValues): ActionInput {
  const base = { code: v.code, name: v.name };
  switch (kind) {
    case "zone":
    case "concept":
      return { kind, ...base };
    case "cardSeries":
      return { kind, ...base, prefix: v.prefix };
    case "store":
      return { kind, ...base, zoneId: v.zoneId, conceptId: v.conceptId };
    case "till":
      return { kind, ...base, storeId: v.storeId };
  }
}
