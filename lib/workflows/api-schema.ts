import { z } from "zod";
import { idParam } from "@/lib/api/params";
import { publishNoteText } from "./publish-note";

// Shapes of the workflow API (GET/PUT /v2/programs/{id}/workflow, POST …/workflow/publish).
// The document itself is workflowDocumentSchema (schema.ts): the API sends and takes it as is.

export const workflowProgramParams = z.object({
  id: idParam("program").meta({ description: "The program's numeric id.", example: "1" }),
});

const versionSelector = z
  .string()
  .trim()
  .regex(/^(live|draft|\d{1,9})$/, 'must be "live", "draft" or a version number')
  .transform((v) => (v === "live" || v === "draft" ? v : Number(v)))
  .refine((v) => v !== 0, "must be a version number from 1");

export const workflowGetQuery = z.object({
  version: versionSelector.default("live").meta({ description: 'Which version: "live" (default), "draft", or a version number from History.', example: "draft" }),
});

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

// ─── Answers (for the OpenAPI document; the handlers build them in api-json.ts) ────────────────

export const versionInfoSchema = z
  .object({
    number: z.number().int(),
    state: z.enum(["DRAFT", "LIVE", "RETIRED"]),
    revision: z.number().int().meta({ description: "Bumped on every save of the draft; send it back as baseRevision / revision." }),
    note: z.string(),
    author: z.string().nullable().meta({ description: "Who last saved it (console user email or API client id)." }),
    publishedBy: z.string().nullable(),
    publishedAt: z.string().nullable(),
    updatedAt: z.string(),
    restoredFromNumber: z.number().int().nullable(),
  })
  .meta({ id: "WorkflowVersionInfo" });

export const publishRequestSchema = z
  .object({
    id: z.number().int(),
    status: z.literal("PENDING"),
    versionNumber: z.number().int(),
    draftRevision: z.number().int(),
    note: z.string(),
    requestedBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "WorkflowPublishRequest" });
