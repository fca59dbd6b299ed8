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

/**
 * An org of its own with maker-checker on (the demo org's configs are shared by parallel specs):
 * a program with seed 001 LIVE and an open draft, a program manager and two admins who sign in
 * with `password`.
 */
export async function createMakerCheckerOrg() {
  const { hashSecret } = await import("@/lib/auth/password");
  const tag = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const org = await db.org.create({ data: { name: `Checker ${tag}`, slug: `checker-${tag}` }, select: { id: true } });
  await db.program.create({ data: { orgId: org.id, name: `Checker ${tag} Default`, isDefault: true, active: true } });
  await db.extendedFieldDef.create({ data: { orgId: org.id, scope: "TRANSACTION", name: "member_card_swiped", type: "ENUM", allowedValues: ["Yes", "No"] } });
  await db.orgConfig.create({ data: { orgId: org.id, key: "WORKFLOW_MAKER_CHECKER", value: true } });
  const password = "checker-pass-123";
  const passwordHash = await hashSecret(password);
  const user = (role: "ADMIN" | "PROGRAM_MANAGER", who: string) =>
    db.user.create({ data: { orgId: org.id, role, email: `${who}-${tag}@checker.test`, name: `${who} ${tag}`, passwordHash }, select: { id: true, email: true } });
  const [manager, admin, otherAdmin] = await Promise.all([user("PROGRAM_MANAGER", "maker"), user("ADMIN", "checker"), user("ADMIN", "other")]);
  const program = await db.program.create({ data: { orgId: org.id, name: `Checked program ${tag}`, active: true }, select: { id: true, name: true } });
  const document = assignConditionIds(workflowDocumentSchema.parse(seedWorkflowDocument()), null, randomConditionId);
  const fields = [{ name: "member_card_swiped", scope: "TRANSACTION", type: "enum", allowedValues: ["Yes", "No"] }];
  await db.workflowVersion.create({ data: { orgId: org.id, programId: program.id, number: 1, state: "LIVE", document, fieldsSnapshot: fields, note: "Seed 001", publishedAt: new Date() } });
  const draft = structuredClone(document);
  draft.activities[0]!.rulesets[0]!.name = "Earn v2";
  await db.workflowVersion.create({ data: { orgId: org.id, programId: program.id, number: 2, state: "DRAFT", document: draft, fieldsSnapshot: fields, authorLabel: manager.email } });
  return { program, manager, admin, otherAdmin, password };
}
