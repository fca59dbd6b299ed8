import { z } from "zod";

// Client-safe: the Create Program and Edit Program forms and their server actions share these
// schemas (zodResolver on the client, defineAction on the server).

/** SPEC §6 / seed 003: the characters a program name may not contain, in the documented order. */
export const FORBIDDEN_NAME_CHARS = ["!", "@", "#", "$", "%", "^", "&", "*", "(", ")", "-", "_", "=", "+", "\\", "|", "{", "}", ";", ":", "/", "?", ".", ">"] as const;

export const PROGRAM_NAME_MAX = 100;
export const PROGRAM_DESCRIPTION_MAX = 500;

/** The first forbidden character in a name, or null when it has none. */
export function forbiddenNameChar(name: string): string | null {
  for (const char of name) {
    if ((FORBIDDEN_NAME_CHARS as readonly string[]).includes(char)) return char;
  }
  return null;
}

export const programNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a program name.")
  .max(PROGRAM_NAME_MAX, `Keep the name to ${PROGRAM_NAME_MAX} characters or fewer.`)
  .superRefine((name, ctx) => {
    const char = forbiddenNameChar(name);
    if (char) ctx.addIssue({ code: "custom", message: `Name cannot contain "${char}"` });
  });

const descriptionSchema = z
  .string()
  .trim()
  .max(PROGRAM_DESCRIPTION_MAX, `Keep the description to ${PROGRAM_DESCRIPTION_MAX} characters or fewer.`);

export const NO_ENTITY = "Choose at least one entity (or ROOT for all that are free): a program mapped to nothing never receives an event.";

const idList = (max: number, tooMany: string) => z.array(z.number().int().positive()).max(max, tooMany);

export const createProgramSchema = z.object({
  name: programNameSchema,
  description: descriptionSchema,
  contributorIds: idList(200, "Choose at most 200 contributors."),
  // Ids of zones, concepts or card series: which of them is fixed by the org's MLP type. At
  // least one: a program mapped to nothing is never selected by any till or card, and its
  // mapping could not be fixed later by removing one (seed 003), only by adding.
  entityIds: idList(1000, "Choose at most 1000 entities.").min(1, NO_ENTITY),
  active: z.boolean(),
});
export type CreateProgramInput = z.input<typeof createProgramSchema>;

export const programIdSchema = z.number().int().positive().max(2_147_483_647);

export const updateProgramSchema = z.object({
  programId: programIdSchema,
  name: programNameSchema,
  description: descriptionSchema,
});
export type UpdateProgramInput = z.input<typeof updateProgramSchema>;

export const addProgramEntitiesSchema = z.object({
  programId: programIdSchema,
  entityIds: idList(1000, "Choose at most 1000 entities.").min(1, "Choose the entities to add."),
});
export type AddProgramEntitiesInput = z.input<typeof addProgramEntitiesSchema>;

export const setProgramActiveSchema = z.object({
  programId: programIdSchema,
  active: z.boolean(),
});

export type MlpEntityType = "ZONE" | "CONCEPT" | "CARD_SERIES";

export const ENTITY_LABELS: Record<MlpEntityType, { one: string; many: string }> = {
  ZONE: { one: "Zone", many: "Zones" },
  CONCEPT: { one: "Concept", many: "Concepts" },
  CARD_SERIES: { one: "Card series", many: "Card series" },
};
