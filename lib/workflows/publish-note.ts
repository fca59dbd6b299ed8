import { z } from "zod";

// The change note of a publish (SPEC §5.5 "prompts for a change note"); client-safe so the
// publish dialog validates with the same rule.
export const publishNoteText = z
  .string({ error: "Enter a note that says what changed." })
  .trim()
  .min(1, "Enter a note that says what changed.")
  .max(500, "The note must be at most 500 characters.");

export const decisionCommentText = z.string().trim().max(500, "The comment must be at most 500 characters.");
