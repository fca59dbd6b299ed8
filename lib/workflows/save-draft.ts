import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/org/audit";
import { assertMay, userIdOf, type WorkflowPrincipal } from "./access";
import { checkDocument } from "./check-document";
import { assignConditionIds, randomConditionId } from "./condition-ids";
import { isDeepEqual } from "./deep-equal";
import { ExpressionProblemsError } from "./errors";
import { orgFieldDecls, schemaOf } from "./org-schema";
import { workflowDocumentSchema, type WorkflowDocument, type WorkflowDocumentInput } from "./schema";
import { getWorkflowVersion, parseStoredDocument, type WorkflowVersionDto } from "./versions";

// Save and Continue (SPEC §5.5): writes the program's one draft, and only when every condition
// checks against the org's declared extended fields. Every workflow write first locks the
// program row, so saves, publishes and approvals of one program run one after another (and in
// the same lock order: no deadlocks).

type Tx = Prisma.TransactionClient;

export type SaveDraftInput = {
  orgId: number;
  programId: number;
  principal: WorkflowPrincipal;
  document: WorkflowDocumentInput;
  /** The draft revision the editor started from; a newer one means someone else saved meanwhile. */
  baseRevision?: number | null;
};

export async function saveDraft(input: SaveDraftInput): Promise<WorkflowVersionDto> {
  assertMay(input.principal, "workflows:write");
  const parsed = workflowDocumentSchema.safeParse(input.document);
  if (!parsed.success) throw new AppError("INVALID", `The workflow document is invalid: ${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}`);
  return db.$transaction(async (tx) => {
    await lockProgram(tx, input.orgId, input.programId);
    const id = await writeDraft(tx, { ...input, document: parsed.data, action: "workflow.saveDraft" });
    return mustGet(tx, input.orgId, input.programId, id);
  });
}

/** Copies an old version's document into the draft (History → Restore). */
export async function restoreVersion(input: { orgId: number; programId: number; principal: WorkflowPrincipal; number: number }): Promise<WorkflowVersionDto> {
  assertMay(input.principal, "workflows:write");
  return db.$transaction(async (tx) => {
    await lockProgram(tx, input.orgId, input.programId);
    const source = await tx.workflowVersion.findFirst({ where: { orgId: input.orgId, programId: input.programId, number: input.number }, select: { id: true, state: true, document: true } });
    if (!source) throw new AppError("NOT_FOUND", `Version ${input.number} of this program's workflow not found`);
    if (source.state === "DRAFT") throw new AppError("CONFLICT", `Version ${input.number} is the draft already.`);
    const document = parseStoredDocument(source.document, source.id);
    const id = await writeDraft(tx, { ...input, document, action: "workflow.restore", restoredFromNumber: input.number });
    return mustGet(tx, input.orgId, input.programId, id);
  });
}

/** Throws away the unpublished draft; the LIVE version is untouched. */
export async function discardDraft(input: { orgId: number; programId: number; principal: WorkflowPrincipal }): Promise<void> {
  assertMay(input.principal, "workflows:write");
  await db.$transaction(async (tx) => {
    await lockProgram(tx, input.orgId, input.programId);
    const draft = await tx.workflowVersion.findFirst({ where: { orgId: input.orgId, programId: input.programId, state: "DRAFT" }, select: { id: true, number: true, revision: true } });
    if (!draft) throw new AppError("CONFLICT", "There is no draft to discard.");
    await supersedePending(tx, input.programId, draft.id, "The draft was discarded.");
    await tx.workflowPublishRequest.deleteMany({ where: { versionId: draft.id, status: { not: "PENDING" } } });
    await tx.workflowVersion.delete({ where: { id: draft.id } });
    await recordAudit(tx, { orgId: input.orgId, actor: input.principal.actor, action: "workflow.discardDraft", entityType: "Program", entityId: input.programId, before: { number: draft.number, revision: draft.revision } });
  });
}

export async function lockProgram(tx: Tx, orgId: number, programId: number): Promise<void> {
  const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Program" WHERE id = ${programId} AND "orgId" = ${orgId} FOR UPDATE`;
  if (locked.length === 0) throw new AppError("NOT_FOUND", `Program ${programId} not found`);
}

type WriteDraft = SaveDraftInput & { document: WorkflowDocument; action: string; restoredFromNumber?: number };

async function writeDraft(tx: Tx, input: WriteDraft): Promise<number> {
  const { orgId, programId, principal } = input;
  const decls = await orgFieldDecls(tx, orgId);
  const problems = checkDocument(input.document, schemaOf(decls));
  if (problems.length > 0) throw new ExpressionProblemsError(problems, "save");

  const [draft, live, last] = await Promise.all([
    tx.workflowVersion.findFirst({ where: { orgId, programId, state: "DRAFT" }, select: { id: true, number: true, revision: true, document: true, authorLabel: true } }),
    tx.workflowVersion.findFirst({ where: { orgId, programId, state: "LIVE" }, select: { id: true, document: true } }),
    tx.workflowVersion.findFirst({ where: { orgId, programId }, orderBy: { number: "desc" }, select: { number: true } }),
  ]);
  if (draft && input.baseRevision != null && input.baseRevision !== draft.revision) {
    throw new AppError("CONFLICT", `The draft was saved by ${draft.authorLabel || "someone else"} since you opened it. Reload to see their changes before saving.`);
  }
  const previous = draft ? parseStoredDocument(draft.document, draft.id) : live ? parseStoredDocument(live.document, live.id) : null;
  const document = assignConditionIds(input.document, previous, randomConditionId);
  const authored = { authorId: userIdOf(principal), authorLabel: principal.actor.label, fieldsSnapshot: decls as unknown as Prisma.InputJsonValue, restoredFromNumber: input.restoredFromNumber ?? null };

  if (draft) {
    if (isDeepEqual(previous, document) && input.restoredFromNumber === undefined) return draft.id;
    await tx.workflowVersion.update({ where: { id: draft.id }, data: { document: document as Prisma.InputJsonValue, revision: { increment: 1 }, ...authored } });
    await supersedePending(tx, programId, draft.id, "The draft changed after the request.");
    await recordAudit(tx, { orgId, actor: principal.actor, action: input.action, entityType: "Program", entityId: programId, before: { number: draft.number, document: previous }, after: { number: draft.number, document, restoredFrom: input.restoredFromNumber } });
    return draft.id;
  }
  // Saving exactly what is LIVE is not an unpublished change.
  if (live && previous && isDeepEqual(previous, document) && input.restoredFromNumber === undefined) return live.id;
  const number = (last?.number ?? 0) + 1;
  const created = await tx.workflowVersion.create({
    data: { orgId, programId, number, state: "DRAFT", document: document as Prisma.InputJsonValue, ...authored },
    select: { id: true },
  });
  await recordAudit(tx, { orgId, actor: principal.actor, action: input.action, entityType: "Program", entityId: programId, before: live ? { document: previous } : undefined, after: { number, document, restoredFrom: input.restoredFromNumber } });
  return created.id;
}

/** A pending publish request is for the draft as it was; once the draft changes it is void. */
async function supersedePending(tx: Tx, programId: number, versionId: number, comment: string): Promise<void> {
  await tx.workflowPublishRequest.updateMany({ where: { programId, versionId, status: "PENDING" }, data: { status: "SUPERSEDED", comment, decidedAt: new Date() } });
}

async function mustGet(tx: Tx, orgId: number, programId: number, id: number): Promise<WorkflowVersionDto> {
  const row = await tx.workflowVersion.findFirstOrThrow({ where: { id, orgId }, select: { number: true } });
  const dto = await getWorkflowVersion({ orgId, programId, version: row.number, client: tx });
  if (!dto) throw new Error(`workflow version ${id} vanished inside its own transaction`);
  return dto;
}
