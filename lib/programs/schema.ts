import { z } from "zod";

// Client-safe: the Create Program and Edit Program forms and their server actions share these
// schemas (zodResolver on the client, defineAction on the server).

/**
 * SPEC §6 / seed 003: the characters a program name may not contain, in the documented order,
 * plus "<": the documented list has ">" but not its pair, and a name with either is as unsafe.
 */
export const FORBIDDEN_NAME_CHARS = ["!", "@", "#", "$", "%", "^", "&", "*", "(", ")", "-", "_", "=", "+", "\\", "|", "{", "}", ";", ":", "/", "?", ".", "<", ">"] as const;

export const PROGRAM_NAME_MAX = 100;
export const PROGRAM_DESCRIPTION_MAX = 500;

/** Every forbidden character a name contains, once each, in the order they appear. */
export function forbiddenNameChars(name: string): string[] {
  return [...new Set([...name].filter((char) => (FORBIDDEN_NAME_CHARS as readonly string[]).includes(char)))];
}

/** Shown under the name field before anyone types, so no one learns the rule one refusal at a time. */
export const NAME_RULE_HINT = `Letters, digits and spaces. Not allowed: ${FORBIDDEN_NAME_CHARS.join(" ")}`;

/** One message for all of a name's forbidden characters at once: `Name cannot contain "@" or "#"`. */
export function forbiddenNameMessage(chars: readonly string[]): string {
  const quoted = chars.map((c) => `"${c}"`);
  const list = quoted.length > 1 ? `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}` : (quoted[0] ?? "");
  return `Name cannot contain ${list}.`;
}

export const programNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a program name.")
  .max(PROGRAM_NAME_MAX, `Keep the name to ${PROGRAM_NAME_MAX} characters or fewer.`)
  .superRefine((name, ctx) => {
    const chars = forbiddenNameChars(name);
    if (chars.length > 0) ctx.addIssue({ code: "custom", message: forbiddenNameMessage(chars) });
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
