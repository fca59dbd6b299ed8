import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/org/audit";
import { getOrgConfig } from "@/lib/org/configs";
import { notify } from "@/lib/org/notices";
import { assertMay, userIdOf, type WorkflowPrincipal } from "./access";
import { checkDocument } from "./check-document";
import { ExpressionProblemsError } from "./errors";
import { orgFieldDecls, schemaOf } from "./org-schema";
import { decisionCommentText, publishNoteText } from "./publish-note";
import { lockProgram } from "./save-draft";
import { parseStoredDocument, type WorkflowVersionDto, getWorkflowVersion } from "./versions";

// Publish changes (SPEC §5.5): the draft becomes the LIVE version with a note, the old LIVE is
// retired, the author recorded, the program's contributors told (a notice and an audit entry).
// One transaction. Two publishes racing: both lock the program row; the second then finds no
// draft and is told who won (409). With maker-checker on (org config WORKFLOW_MAKER_CHECKER), a
// program manager's or API client's publish becomes a request an admin decides.

type Tx = Prisma.TransactionClient;

export type PublishInput = {
  orgId: number;
  programId: number;
  principal: WorkflowPrincipal;
  note: string;
  /** The draft revision that was reviewed; publishing fails if the draft changed since. */
  revision?: number | null;
};

export type PendingRequestDto = { id: number; versionNumber: number; draftRevision: number; note: string; requestedBy: string; requestedById: number | null; createdAt: Date };

export type PublishOutcome = { kind: "published"; version: WorkflowVersionDto } | { kind: "requested"; request: PendingRequestDto };

export async function publishWorkflow(input: PublishInput): Promise<PublishOutcome> {
  assertMay(input.principal, "workflows:write");
  const note = parseOrInvalid(publishNoteText, input.note, "note");
  const startedAt = new Date();
  const makerChecker = input.principal.role !== "ADMIN" && (await getOrgConfig(input.orgId, "WORKFLOW_MAKER_CHECKER"));
  return db.$transaction(async (tx) => {
    await lockProgram(tx, input.orgId, input.programId);
    const draft = await lockedDraft(tx, input, startedAt);
    if (makerChecker) return { kind: "requested" as const, request: await createRequest(tx, input, draft, note) };
    const version = await promote(tx, { orgId: input.orgId, programId: input.programId, principal: input.principal, draft, note, requester: null });
    return { kind: "published" as const, version };
  });
}

/** An admin approves (the draft is published as requested) or rejects (the draft stays) a request. */
export async function decidePublishRequest(input: {
  orgId: number;
  programId: number;
  principal: WorkflowPrincipal;
  requestId: number;
  approve: boolean;
  comment: string;
}): Promise<{ status: "APPROVED" | "REJECTED"; version: WorkflowVersionDto | null }> {
  assertMay(input.principal, "workflows:approve");
  const comment = parseOrInvalid(decisionCommentText, input.comment, "comment");
  if (!input.approve && comment === "") throw new AppError("INVALID", "Say why the request is rejected.", { field: "comment" });
  return db.$transaction(async (tx) => {
    await lockProgram(tx, input.orgId, input.programId);
    const request = await tx.workflowPublishRequest.findFirst({
      where: { id: input.requestId, orgId: input.orgId, programId: input.programId },
      select: { id: true, status: true, requestedById: true, note: true, draftRevision: true, versionId: true },
    });
    if (!request) throw new AppError("NOT_FOUND", `Publish request ${input.requestId} not found`);
    if (request.status !== "PENDING") throw new AppError("CONFLICT", `This request was already ${request.status.toLowerCase()}.`);
    if (input.approve && request.requestedById === userIdOf(input.principal)) throw new AppError("FORBIDDEN", "You cannot approve your own publish request; another admin must.");
    const decided = { decidedById: userIdOf(input.principal), comment, decidedAt: new Date() };
    let version: WorkflowVersionDto | null = null;
    if (input.approve) {
      const draft = await tx.workflowVersion.findFirst({ where: { id: request.versionId, state: "DRAFT" }, select: { id: true, number: true, revision: true, document: true } });
      if (!draft || draft.revision !== request.draftRevision) throw new AppError("CONFLICT", "The draft changed after this request was made; it cannot be approved.");
      version = await promote(tx, { orgId: input.orgId, programId: input.programId, principal: input.principal, draft, note: request.note, requester: request.requestedById });
    }
    await tx.workflowPublishRequest.update({ where: { id: request.id }, data: { status: input.approve ? "APPROVED" : "REJECTED", ...decided } });
    await recordAudit(tx, {
      orgId: input.orgId,
      actor: input.principal.actor,
      action: input.approve ? "workflow.approvePublish" : "workflow.rejectPublish",
      entityType: "WorkflowPublishRequest",
      entityId: request.id,
      after: { programId: input.programId, comment },
    });
    if (request.requestedById !== null && !input.approve) {
      await notify(tx, {
        orgId: input.orgId,
        userIds: [request.requestedById],
        kind: "workflow.rejected",
        title: "Your workflow publish request was rejected",
        body: comment,
        href: `/programs/${input.programId}/workflows`,
      });
    }
    return { status: input.approve ? ("APPROVED" as const) : ("REJECTED" as const), version };
  });
}

export async function getPendingRequest({ orgId, programId }: { orgId: number; programId: number }): Promise<PendingRequestDto | null> {
  const row = await db.workflowPublishRequest.findFirst({
    where: { orgId, programId, status: "PENDING" },
    select: { id: true, draftRevision: true, note: true, requestedById: true, requestedByLabel: true, createdAt: true, version: { select: { number: true } } },
  });
  if (!row) return null;
  return { id: row.id, versionNumber: row.version.number, draftRevision: row.draftRevision, note: row.note, requestedBy: row.requestedByLabel, requestedById: row.requestedById, createdAt: row.createdAt };
}

type Draft = { id: number; number: number; revision: number; document: Prisma.JsonValue };

async function lockedDraft(tx: Tx, input: PublishInput, startedAt: Date): Promise<Draft> {
  const draft = await tx.workflowVersion.findFirst({ where: { orgId: input.orgId, programId: input.programId, state: "DRAFT" }, select: { id: true, number: true, revision: true, document: true } });
  if (!draft) {
    const live = await tx.workflowVersion.findFirst({ where: { orgId: input.orgId, programId: input.programId, state: "LIVE" }, select: { number: true, publishedAt: true, publishedByLabel: true } });
    // Published while we waited for the program lock: another publish won the race.
    if (live?.publishedAt && live.publishedAt.getTime() >= startedAt.getTime() - 60_000) {
      throw new AppError("CONFLICT", `Another publish won: version ${live.number} was just published by ${live.publishedByLabel || "someone else"}. There is no draft left to publish.`);
    }
    throw new AppError("CONFLICT", "There is no draft to publish. Save changes first.");
  }
  if (input.revision != null && input.revision !== draft.revision) {
    throw new AppError("CONFLICT", "The draft changed since you reviewed it. Reload and review it again before publishing.");
  }
  return draft;
}

async function createRequest(tx: Tx, input: PublishInput, draft: Draft, note: string): Promise<PendingRequestDto> {
  const pending = await tx.workflowPublishRequest.findFirst({ where: { programId: input.programId, status: "PENDING" }, select: { id: true } });
  if (pending) throw new AppError("CONFLICT", "A publish request for this program is already waiting for approval.");
  await assertChecks(tx, input.orgId, draft);
  const requestedById = userIdOf(input.principal);
  const row = await tx.workflowPublishRequest.create({
    data: { orgId: input.orgId, programId: input.programId, versionId: draft.id, draftRevision: draft.revision, note, requestedById, requestedByLabel: input.principal.actor.label },
    select: { id: true, createdAt: true },
  });
  await recordAudit(tx, { orgId: input.orgId, actor: input.principal.actor, action: "workflow.requestPublish", entityType: "WorkflowPublishRequest", entityId: row.id, after: { programId: input.programId, version: draft.number, note } });
  const admins = await tx.user.findMany({ where: { orgId: input.orgId, role: "ADMIN", active: true, ...(requestedById ? { id: { not: requestedById } } : {}) }, select: { id: true } });
  await notify(tx, {
    orgId: input.orgId,
    userIds: admins.map((a) => a.id),
    kind: "workflow.approvalRequested",
    title: `Approval requested: workflow version ${draft.number}`,
    body: `${input.principal.actor.label}: ${note}`,
    href: `/programs/${input.programId}/workflows`,
  });
  return { id: row.id, versionNumber: draft.number, draftRevision: draft.revision, note, requestedBy: input.principal.actor.label, requestedById, createdAt: row.createdAt };
}

/** Draft → LIVE, old LIVE → RETIRED, audit and notices; the caller holds the program lock. */
async function promote(tx: Tx, p: { orgId: number; programId: number; principal: WorkflowPrincipal; draft: Draft; note: string; requester: number | null }): Promise<WorkflowVersionDto> {
  const decls = await assertChecks(tx, p.orgId, p.draft);
  const old = await tx.workflowVersion.findFirst({ where: { orgId: p.orgId, programId: p.programId, state: "LIVE" }, select: { id: true, number: true } });
  if (old) await tx.workflowVersion.update({ where: { id: old.id }, data: { state: "RETIRED" } });
  await tx.workflowVersion.update({
    where: { id: p.draft.id },
    data: {
      state: "LIVE",
      note: p.note,
      publishedAt: new Date(),
      publishedById: userIdOf(p.principal),
      publishedByLabel: p.principal.actor.label,
      fieldsSnapshot: decls as unknown as Prisma.InputJsonValue,
    },
  });
  await recordAudit(tx, {
    orgId: p.orgId,
    actor: p.principal.actor,
    action: "workflow.publish",
    entityType: "Program",
    entityId: p.programId,
    before: old ? { liveVersion: old.number } : undefined,
    after: { liveVersion: p.draft.number, note: p.note },
  });
  const contributors = await tx.programContributor.findMany({ where: { programId: p.programId, orgId: p.orgId }, select: { userId: true } });
  const publisher = userIdOf(p.principal);
  await notify(tx, {
    orgId: p.orgId,
    userIds: [...contributors.map((c) => c.userId), ...(p.requester ? [p.requester] : [])].filter((id) => id !== publisher),
    kind: "workflow.published",
    title: `Workflow version ${p.draft.number} published`,
    body: `${p.principal.actor.label}: ${p.note}`,
    href: `/programs/${p.programId}/workflows`,
  });
  const version = await getWorkflowVersion({ orgId: p.orgId, programId: p.programId, version: p.draft.number, client: tx });
  if (!version) throw new Error("the published version vanished inside its own transaction");
  return version;
}

/** A field deactivated since the draft was saved blocks the publish (issue 8). */
async function assertChecks(tx: Tx, orgId: number, draft: Draft) {
  const decls = await orgFieldDecls(tx, orgId);
  const problems = checkDocument(parseStoredDocument(draft.document, draft.id), schemaOf(decls));
  if (problems.length > 0) throw new ExpressionProblemsError(problems, "publish");
  return decls;
}

function parseOrInvalid<S extends z.ZodType>(schema: S, value: unknown, field: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError("INVALID", parsed.error.issues[0]?.message ?? "Invalid.", { field });
}
