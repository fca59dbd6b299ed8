import { createPrismaClient } from "@/lib/db/client";
import { assignConditionIds, randomConditionId } from "@/lib/workflows/condition-ids";
import { workflowDocumentSchema } from "@/lib/workflows/schema";
import { seedWorkflowDocument } from "@/lib/workflows/seed-workflow";

// Data for the Workflows specs, written straight into the E2E server's embedded database
// (lib/ writes are server-only and cannot run in Playwright's process): a fresh, empty program of
// the demo org, optionally with seed 001's two conditions LIVE.

const DB_PORT = Number(process.env.E2E_DB_PORT ?? 54391);
const db = createPrismaClient(`postgresql://postgres:postgres@127.0.0.1:${DB_PORT}/postgres?sslmode=disable`, 2);

export async function createEmptyProgram(prefix = "Workflow test") {
  const org = await db.org.findUniqueOrThrow({ where: { slug: "demo-retail" }, select: { id: true } });
  const program = await db.program.create({ data: { orgId: org.id, name: `${prefix} ${Date.now()}${Math.floor(Math.random() * 1000)}`, active: true }, select: { id: true, name: true } });
  return { orgId: org.id, ...program };
}

export async function createProgramWithSeedWorkflow(prefix = "Seeded workflow") {
  const program = await createEmptyProgram(prefix);
  const document = assignConditionIds(workflowDocumentSchema.parse(seedWorkflowDocument()), null, randomConditionId);
  const fields = [{ name: "member_card_swiped", scope: "TRANSACTION", type: "enum", allowedValues: ["Yes", "No"] }];
  await db.workflowVersion.create({
    data: { orgId: program.orgId, programId: program.id, number: 1, state: "LIVE", document, fieldsSnapshot: fields, note: "Seed 001", publishedAt: new Date(), authorLabel: "fixture", publishedByLabel: "fixture" },
  });
  return program;
}

export async function workflowStates(programId: number) {
  return db.workflowVersion.findMany({ where: { programId }, orderBy: { number: "asc" }, select: { number: true, state: true, note: true } });
}
