import { z } from "zod";
import { publishNoteText } from "./publish-note";

// Shapes of the workflow API (GET/PUT /v2/programs/{id}/workflow, POST …/workflow/publish).
// The document itself is workflowDocumentSchema (schema.ts): the API sends and takes it as is.

export const workflowProgramParams = z.object({
  id: z
    .string()
    .regex(/^\d+$/, "must be a numeric program id")
    .transform(Number)
    .pipe(z.number().int().positive().max(2_147_483_647)),
});

const versionSelector = z
  .string()
  .trim()
  .regex(/^(live|draft|\d{1,9})$/, 'must be "live", "draft" or a version number')
  .transform((v) => (v === "live" || v === "draft" ? v : Number(v)))
  .refine((v) => v !== 0, "must be a version number from 1");

export const workflowGetQuery = z.object({ version: versionSelector.default("live") });

/** PUT may name the draft revision it edited, so it never overwrites a newer save unseen. */
export const workflowPutQuery = z.object({
  baseRevision: z
    .string()
    .regex(/^\d{1,9}$/, "must be a whole number")
    .transform(Number)
    .optional(),
});

export const publishBodySchema = z.object({
  note: publishNoteText,
  /** The draft revision that was reviewed; 409 when the draft changed since. */
  revision: z.number().int().positive().optional(),
});
