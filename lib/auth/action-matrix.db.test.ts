import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createOrg, createUser } from "@/lib/testing/factories";
import type { SessionUser } from "./users";
import { can, PERMISSIONS, ROLES, type Permission, type Role } from "./permissions";

// Issue 10 "Access": every server action (every export of every "use server" module under app/,
// as lib/auth/actions-are-guarded.test.ts finds them) called as each role, signed out, and on a
// temporary password, against the role matrix in lib/auth/permissions.ts. The permission each
// action declares is pinned below, so weakening one is a visible change to this file. The
// session is the one thing faked (no browser); the actions run for real.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", async (original) => ({ ...(await original<object>()), currentUser: async () => session.user }));

const PINNED: Record<string, Permission> = {
  addProgramEntitiesAction: "programs:write",
  adjustPointsAction: "member-care:write",
  adjustTierAction: "member-care:write",
  changePasswordAction: "account:password",
  changeUserRoleAction: "users:manage",
  createApiClientAction: "settings:write",
  createConsoleUserAction: "users:manage",
  createExtendedFieldAction: "settings:write",
  createFleetHierarchyAction: "settings:write",
  createOrgUnitAction: "settings:write",
  createProgramAction: "programs:write",
  createTierAction: "programs:write",
  createWebhookAction: "settings:write",
  decidePublishRequestAction: "workflows:approve",
  deleteFleetHierarchyAction: "settings:write",
  deleteTierAction: "programs:write",
  diffWorkflowVersionsAction: "workflows:read",
  discardWorkflowDraftAction: "workflows:write",
  markNoticesReadAction: "programs:read",
  publishWorkflowAction: "workflows:write",
  redeliverAction: "settings:write",
  removeGroupMemberAction: "member-care:write",
  resetUserPasswordAction: "users:manage",
  restoreWorkflowVersionAction: "workflows:write",
  revokeApiClientAction: "settings:write",
  saveProgramStrategiesAction: "programs:write",
  saveTierPolicyAction: "programs:write",
  saveWorkflowDraftAction: "workflows:write",
  setApiClientRateLimitAction: "settings:write",
  setApiClientTrustAction: "settings:write",
  setExtendedFieldActiveAction: "settings:write",
  setMlpTypeAction: "settings:write",
  setOrgUnitActiveAction: "settings:write",
  setProgramActiveAction: "programs:write",
  setUserActiveAction: "users:manage",
  setWebhookActiveAction: "settings:write",
  simulationCustomersAction: "workflows:read",
  updateConfigAction: "settings:write",
  updateExtendedFieldAction: "settings:write",
  updateFleetHierarchyAction: "settings:write",
  updateOrgUnitAction: "settings:write",
  updateProgramAction: "programs:write",
  updateSingleRollingExpiryAction: "settings:write",
  updateTierAction: "programs:write",
};

type Action = (input: unknown) => Promise<{ ok: boolean; error?: { code: string } }>;
type Found = { file: string; name: string; declared: string; action: Action };

function serverActionModules(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return serverActionModules(full);
    if (!/\.tsx?$/.test(name) || name.endsWith(".test.ts")) return [];
    return /^\s*["']use server["']/.test(readFileSync(full, "utf8")) ? [full] : [];
  });
}

const found: Found[] = [];
for (const file of serverActionModules(path.join(process.cwd(), "app"))) {
  const source = readFileSync(file, "utf8");
  const actions = (await import(file)) as Record<string, Action>;
  for (const [, name, declared] of source.matchAll(/export const (\w+)\s*=\s*defineAction\(\s*"([^"]+)"/g)) {
    found.push({ file: path.relative(process.cwd(), file), name: name!, declared: declared!, action: actions[name!]! });
  }
}

let orgId: number;
const users = {} as Record<Role, SessionUser>;
beforeAll(async () => {
  ({ org: { id: orgId } } = await createOrg());
  for (const role of ROLES) {
    const { user } = await createUser(orgId, role);
    users[role] = { id: user.id, orgId, orgName: "Org", email: user.email, name: user.name, role, mustChangePassword: false, sessionVersion: 0 };
  }
});

// An input no schema accepts whole: a role that may act gets past the guard to validation (or
// further), one that may not is stopped before its input is even read.
const PROBE = { __probe: true };

describe("the role × action matrix", () => {
  it("finds every server action and pins each one's permission", () => {
    expect(found.length).toBeGreaterThan(30);
    expect(Object.fromEntries(found.map((f) => [f.name, f.declared]))).toEqual(PINNED);
    for (const f of found) expect(Object.keys(PERMISSIONS), `${f.name} declares an unknown permission`).toContain(f.declared);
  });

  it.each(found.map((f) => [`${f.name} (${f.file})`, f] as const))("%s: allowed exactly for the roles permissions.ts gives it", async (_label, f) => {
    for (const role of ROLES) {
      session.user = users[role];
      const result = await f.action(PROBE);
      const refused = !result.ok && result.error?.code === "FORBIDDEN";
      expect(refused, `${f.name} as ${role}: ${JSON.stringify(result.error)}`).toBe(!can(role, f.declared as Permission));
      // Past the guard the probe is an input error (or, for a schema that takes anything, a
      // result), never a crash.
      if (!refused) expect(result.ok || result.error?.code !== "INTERNAL", `${f.name} as ${role} crashed`).toBe(true);
    }
    session.user = null;
    expect(await f.action(PROBE)).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    // On a temporary password, only replacing it is allowed, whatever the role.
    session.user = { ...users.ADMIN, mustChangePassword: true };
    const onTemporary = await f.action(PROBE);
    expect(!onTemporary.ok && onTemporary.error?.code === "FORBIDDEN").toBe(f.declared !== "account:password");
    session.user = null;
  });
});
