import type { Role } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { WorkflowPrincipal } from "@/lib/workflows/access";
import { MEMBER_CARD_SWIPED } from "@/lib/workflows/seed-workflow";
import { createOrg, createUser } from "./factories";

// Test data for workflows: an org with the seed's transaction field member_card_swiped (Yes | No),
// a program, and console users of each role acting as workflow principals.

export async function createWorkflowOrg() {
  const { org, defaultProgram } = await createOrg();
  const field = await db.extendedFieldDef.create({ data: { orgId: org.id, scope: "TRANSACTION", name: MEMBER_CARD_SWIPED, type: "ENUM", allowedValues: ["Yes", "No"] } });
  const program = await db.program.create({ data: { orgId: org.id, name: `Workflow program ${org.id}`, active: true } });
  return { org, defaultProgram, program, field };
}

export async function createPrincipal(orgId: number, role: Role): Promise<WorkflowPrincipal & { userId: number }> {
  const { user } = await createUser(orgId, role);
  return { actor: { kind: "user", id: user.id, label: user.email }, role, userId: user.id };
}
