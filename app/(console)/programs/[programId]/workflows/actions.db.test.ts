import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/users";
import { createUser } from "@/lib/testing/factories";
import { createWorkflowOrg } from "@/lib/testing/workflow-factories";
import { workflowDocumentSchema } from "@/lib/workflows/schema";
import { seedWorkflowDocument } from "@/lib/workflows/seed-workflow";
import { listWorkflowVersions } from "@/lib/workflows/versions";

// The Workflows tab's actions, reachable by direct POST: the role matrix and lib decide, whatever
// the page shows. Only the session is faked; the actions run against the real database.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));

const { decidePublishRequestAction, publishWorkflowAction, saveWorkflowDraftAction, simulationCustomersAction } = await import("./actions");

const seed = workflowDocumentSchema.parse(seedWorkflowDocument());

async function signIn(orgId: number, orgName: string, role: Role) {
  const { user } = await createUser(orgId, role);
  session.user = { id: user.id, orgId, orgName, email: user.email, name: user.name, role, mustChangePassword: false, sessionVersion: 0 };
  return user;
}

beforeEach(() => {
  session.user = null;
});

describe("workflow actions", () => {
  it("refuse a viewer, member care and a signed-out caller, changing nothing", async () => {
    const env = await createWorkflowOrg();
    expect(await saveWorkflowDraftAction({ programId: env.program.id, document: seed, baseRevision: null })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    for (const role of ["VIEWER", "MEMBER_CARE"] as const) {
      await signIn(env.org.id, env.org.name, role);
      expect(await saveWorkflowDraftAction({ programId: env.program.id, document: seed, baseRevision: null })).toEqual({ ok: false, error: { code: "FORBIDDEN", message: "Your role does not allow this." } });
      expect(await publishWorkflowAction({ programId: env.program.id, note: "x", revision: null })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    }
    await signIn(env.org.id, env.org.name, "MEMBER_CARE");
    expect(await simulationCustomersAction({ programId: env.program.id, search: "" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await listWorkflowVersions({ orgId: env.org.id, programId: env.program.id })).toEqual([]);
  });

  it("save a program manager's draft, return refused expressions as data, and never reach another org's program", async () => {
    const env = await createWorkflowOrg();
    await signIn(env.org.id, env.org.name, "PROGRAM_MANAGER");
    const broken = structuredClone(seed);
    broken.activities[0]!.rulesets[0]!.conditions[0]!.expression = "currentTxn.valeu > 1";
    const refused = await saveWorkflowDraftAction({ programId: env.program.id, document: broken, baseRevision: null });
    expect(refused).toMatchObject({ ok: true, data: { saved: false, problems: [{ path: "activities.0.rulesets.0.conditions.0.expression", code: "UNKNOWN_ATTRIBUTE" }] } });
    expect(await saveWorkflowDraftAction({ programId: env.program.id, document: seed, baseRevision: null })).toEqual({ ok: true, data: { saved: true, number: 1, revision: 1 } });
    expect(await publishWorkflowAction({ programId: env.program.id, note: "go", revision: 1 })).toEqual({ ok: true, data: { kind: "published", number: 1 } });

    const other = await createWorkflowOrg();
    expect(await saveWorkflowDraftAction({ programId: other.program.id, document: seed, baseRevision: null })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await listWorkflowVersions({ orgId: other.org.id, programId: other.program.id })).toEqual([]);
  });

  it("let only an admin decide a publish request", async () => {
    const env = await createWorkflowOrg();
    await signIn(env.org.id, env.org.name, "PROGRAM_MANAGER");
    expect(await decidePublishRequestAction({ programId: env.program.id, requestId: 1, approve: true, comment: "" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });
});
