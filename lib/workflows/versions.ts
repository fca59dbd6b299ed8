import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { diffDocuments } from "./diff";
import { workflowDocumentSchema, type WorkflowDocument } from "./schema";

// Reads of a program's workflow versions (DESIGN §2: at most one DRAFT and one LIVE per program;
// RETIRED ones are history). Every read is scoped by org: another org's program is "not found".

type Reader = Pick<Prisma.TransactionClient, "workflowVersion" | "program" | "user" | "workflowPublishRequest">;

export type VersionState = "DRAFT" | "LIVE" | "RETIRED";
export type VersionSelector = "live" | "draft" | number;

export type WorkflowVersionSummary = {
  id: number;
  number: number;
  state: VersionState;
  revision: number;
  note: string;
  author: string | null;
  publishedBy: string | null;
  publishedAt: Date | null;
  updatedAt: Date;
  restoredFromNumber: number | null;
  conditionCount: number;
};

export type WorkflowVersionDto = WorkflowVersionSummary & { document: WorkflowDocument };

const SELECT = {
  id: true,
  number: true,
  state: true,
  revision: true,
  note: true,
  authorLabel: true,
  publishedByLabel: true,
  publishedAt: true,
  updatedAt: true,
  restoredFromNumber: true,
  document: true,
} as const;

type Row = Prisma.WorkflowVersionGetPayload<{ select: typeof SELECT }>;

export async function assertProgramInOrg(client: Reader, orgId: number, programId: number): Promise<{ id: number; name: string }> {
  const program = await client.program.findFirst({ where: { id: programId, orgId }, select: { id: true, name: true } });
  if (!program) throw new AppError("NOT_FOUND", `Program ${programId} not found`);
  return program;
}

export async function getWorkflowVersion({
  orgId,
  programId,
  version,
  client = db,
}: {
  orgId: number;
  programId: number;
  version: VersionSelector;
  client?: Reader;
}): Promise<WorkflowVersionDto | null> {
  await assertProgramInOrg(client, orgId, programId);
  const where = version === "live" ? { state: "LIVE" as const } : version === "draft" ? { state: "DRAFT" as const } : { number: version };
  const row = await client.workflowVersion.findFirst({ where: { orgId, programId, ...where }, select: SELECT });
  if (!row) return null;
  return toDto(row);
}

/** Every version, newest first (History). */
export async function listWorkflowVersions({ orgId, programId, client = db }: { orgId: number; programId: number; client?: Reader }): Promise<WorkflowVersionSummary[]> {
  await assertProgramInOrg(client, orgId, programId);
  const rows = await client.workflowVersion.findMany({ where: { orgId, programId }, orderBy: { number: "desc" }, select: SELECT });
  return rows.map(toDto).map(({ document: _document, ...summary }) => summary);
}

/** Programs of the org that have a saved draft not yet published (the red flag of SPEC §5.5). */
export async function programsWithUnpublishedChanges(orgId: number, client: Reader = db): Promise<Set<number>> {
  const drafts = await client.workflowVersion.findMany({ where: { orgId, state: "DRAFT" }, select: { programId: true } });
  return new Set(drafts.map((d) => d.programId));
}

export function parseStoredDocument(json: unknown, versionId: number): WorkflowDocument {
  const parsed = workflowDocumentSchema.safeParse(json);
  // Only documents that passed the schema are ever written; anything else is corruption.
  if (!parsed.success) throw new Error(`Workflow version ${versionId} holds an invalid document: ${parsed.error.message}`);
  return parsed.data;
}

function toDto(r: Row): WorkflowVersionDto {
  const document = parseStoredDocument(r.document, r.id);
  return {
    id: r.id,
    number: r.number,
    state: r.state,
    revision: r.revision,
    note: r.note,
    author: r.authorLabel || null,
    publishedBy: r.publishedByLabel || null,
    publishedAt: r.publishedAt,
    updatedAt: r.updatedAt,
    restoredFromNumber: r.restoredFromNumber,
    conditionCount: countConditions(document),
    document,
  };
}

export function countConditions(document: WorkflowDocument): number {
  return document.activities.reduce((n, a) => n + a.rulesets.reduce((m, rs) => m + rs.conditions.length, 0), 0);
}

/** Two versions of one program, compared (History → Compare). */
export async function diffVersions({ orgId, programId, from, to }: { orgId: number; programId: number; from: VersionSelector; to: VersionSelector }) {
  const [a, b] = await Promise.all([getWorkflowVersion({ orgId, programId, version: from }), getWorkflowVersion({ orgId, programId, version: to })]);
  if (!a) throw new AppError("NOT_FOUND", `Version ${from} of this program's workflow not found`);
  if (!b) throw new AppError("NOT_FOUND", `Version ${to} of this program's workflow not found`);
  return { from: a.number, to: b.number, diff: diffDocuments(a.document, b.document) };
}
