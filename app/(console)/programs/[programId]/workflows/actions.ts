"use server";

import { z } from "zod";
import { defineAction, type ActionContext } from "@/lib/auth/action";
import type { WorkflowPrincipal } from "@/lib/workflows/access";
import { ExpressionProblemsError } from "@/lib/workflows/errors";
import { decidePublishRequest, publishWorkflow } from "@/lib/workflows/publish";
import { decisionCommentText, publishNoteText } from "@/lib/workflows/publish-note";
import { discardDraft, restoreVersion, saveDraft } from "@/lib/workflows/save-draft";
import { workflowDocumentSchema } from "@/lib/workflows/schema";
import { listSimulationCustomers } from "@/lib/workflows/simulation-profiles";
import { diffVersions } from "@/lib/workflows/versions";

// The Workflows tab's writes (issue 8). Each checks the role matrix (defineAction) and lib/
// checks it again with the caller's role; the org always comes from the session.

const programId = z.number().int().positive();
const selector = z.union([z.literal("live"), z.literal("draft"), z.number().int().positive()]);

function principal(ctx: ActionContext): WorkflowPrincipal {
  return { actor: ctx.actor, role: ctx.user.role };
}

/** Refused expressions come back as data, so the editor can underline each one. */
async function orProblems<T>(run: () => Promise<T>) {
  try {
    return { ok: true as const, value: await run() };
  } catch (error) {
    if (error instanceof ExpressionProblemsError) return { ok: false as const, problems: error.problems };
    throw error;
  }
}

export const saveWorkflowDraftAction = defineAction(
  "workflows:write",
  z.object({ programId, document: workflowDocumentSchema, baseRevision: z.number().int().positive().nullable() }),
  async (input, ctx) => {
    const out = await orProblems(() => saveDraft({ orgId: ctx.orgId, programId: input.programId, principal: principal(ctx), document: input.document, baseRevision: input.baseRevision }));
    return out.ok ? { saved: true as const, number: out.value.number, revision: out.value.revision } : { saved: false as const, problems: out.problems };
  },
);

export const publishWorkflowAction = defineAction(
  "workflows:write",
  z.object({ programId, note: publishNoteText, revision: z.number().int().positive().nullable() }),
  async (input, ctx) => {
    const out = await orProblems(() => publishWorkflow({ orgId: ctx.orgId, programId: input.programId, principal: principal(ctx), note: input.note, revision: input.revision }));
    if (!out.ok) return { kind: "problems" as const, problems: out.problems };
    return out.value.kind === "published" ? { kind: "published" as const, number: out.value.version.number } : { kind: "requested" as const, number: out.value.request.versionNumber };
  },
);

export const restoreWorkflowVersionAction = defineAction("workflows:write", z.object({ programId, number: z.number().int().positive() }), async (input, ctx) => {
  const out = await orProblems(() => restoreVersion({ orgId: ctx.orgId, programId: input.programId, principal: principal(ctx), number: input.number }));
  return out.ok ? { restored: true as const, number: out.value.number } : { restored: false as const, problems: out.problems };
});

export const discardWorkflowDraftAction = defineAction("workflows:write", z.object({ programId }), async (input, ctx) => {
  await discardDraft({ orgId: ctx.orgId, programId: input.programId, principal: principal(ctx) });
  return { discarded: true };
});

export const decidePublishRequestAction = defineAction(
  "workflows:approve",
  z.object({ programId, requestId: z.number().int().positive(), approve: z.boolean(), comment: decisionCommentText }),
  async (input, ctx) => {
    const out = await orProblems(() => decidePublishRequest({ orgId: ctx.orgId, programId: input.programId, principal: principal(ctx), requestId: input.requestId, approve: input.approve, comment: input.comment }));
    return out.ok ? { status: out.value.status } : { status: "PROBLEMS" as const, problems: out.problems };
  },
);

export const diffWorkflowVersionsAction = defineAction("workflows:read", z.object({ programId, from: selector, to: selector }), async (input, ctx) =>
  diffVersions({ orgId: ctx.orgId, programId: input.programId, from: input.from, to: input.to }),
);

export const simulationCustomersAction = defineAction("workflows:read", z.object({ programId, search: z.string().max(100) }), async (input, ctx) =>
  listSimulationCustomers({ orgId: ctx.orgId, programId: input.programId, search: input.search }),
);
