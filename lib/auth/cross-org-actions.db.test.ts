import { beforeAll, describe, expect, it, vi } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { createEngineOrg, createFamily, publishLive } from "@/lib/testing/engine-factories";
import { createApiClient, createUser } from "@/lib/testing/factories";
import { createGroupsOrg, createSeedFleets } from "@/lib/testing/groups-factories";
import { createStructure } from "@/lib/testing/org-structure-factories";
import { addTiers } from "@/lib/testing/tiers-factories";
import { createSubscription } from "@/lib/webhooks/subscriptions";
import { saveDraft } from "@/lib/workflows/save-draft";
import { seedWorkflowDocument } from "@/lib/workflows/seed-workflow";
import type { SessionUser } from "./users";

// Issue 10 "Access", the server actions' side of "a second org's user sees none of the first
// org's …": an ADMIN of a second org (every permission) calls each console action that names an
// object by id with the first org's ids. Each must answer NOT_FOUND, as for an id that does not
// exist, and leave the first org exactly as it was. (The role matrix is
// lib/auth/action-matrix.db.test.ts; the pages and the export are e2e/cross-org-console.spec.ts.)
// The session is the one thing faked, as in the role matrix; the actions run for real.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", async (original) => ({ ...(await original<object>()), currentUser: async () => session.user }));

type Result = { ok: boolean; error?: { code: string } };
type Action = (input: unknown) => Promise<Result>;
const actions = async (path: string) => (await import(path)) as Record<string, Action>;

let a: Awaited<ReturnType<typeof firstOrg>>;
async function firstOrg() {
  const f = await createEngineOrg();
  const programId = f.defaultProgram.id;
  const live = await publishLive(f.orgId, programId);
  const admin = await createUser(f.orgId, "ADMIN");
  const principal = { actor: { kind: "user" as const, id: admin.user.id, label: admin.user.email }, role: "ADMIN" as const };
  await saveDraft({ orgId: f.orgId, programId, principal, document: seedWorkflowDocument() });
  const { group, members } = await createFamily(f.orgId, 2);
  const [tier] = await addTiers(f.orgId, programId);
  await createSeedFleets(f.orgId);
  const hierarchy = await db.fleetHierarchy.findFirstOrThrow({ where: { orgId: f.orgId } });
  const { zone } = await createStructure(f.orgId);
  const field = await db.extendedFieldDef.findFirstOrThrow({ where: { orgId: f.orgId } });
  const { subscription } = await createSubscription({ orgId: f.orgId, actor: SYSTEM_ACTOR, input: { name: "crm", url: "https://93.184.216.34/hook", events: ["tierUpgraded"], headers: {} } });
  const client = await createApiClient(f.orgId);
  return { orgId: f.orgId, programId, live, group, members, tier: tier!, hierarchy, zone, field, subscription, client: client.client, user: admin.user };
}

/** Everything of the first org the actions below could change. */
async function snapshot(orgId: number) {
  const where = { orgId };
  return {
    programs: await db.program.findMany({ where, orderBy: { id: "asc" } }),
    versions: await db.workflowVersion.findMany({ where: { program: where }, orderBy: { id: "asc" } }),
    tiers: await db.tier.findMany({ where, orderBy: { id: "asc" } }),
    memberships: await db.groupMembership.findMany({ where, orderBy: { id: "asc" } }),
    users: await db.user.findMany({ where, orderBy: { id: "asc" } }),
    apiClients: await db.apiClient.findMany({ where, orderBy: { id: "asc" } }),
    fields: await db.extendedFieldDef.findMany({ where, orderBy: { id: "asc" } }),
    zones: await db.zone.findMany({ where, orderBy: { id: "asc" } }),
    hierarchies: await db.fleetHierarchy.findMany({ where, orderBy: { id: "asc" } }),
    webhooks: await db.webhookSubscription.findMany({ where, orderBy: { id: "asc" } }),
    movements: await db.movement.count({ where }),
    audit: await db.auditEntry.count({ where }),
  };
}

let stranger: SessionUser;
beforeAll(async () => {
  a = await firstOrg();
  // Groups on in both orgs, so a refusal is the org boundary and not the feature being off.
  const { org } = await createGroupsOrg();
  const { user } = await createUser(org.id, "ADMIN");
  stranger = { id: user.id, orgId: org.id, orgName: "Second org", email: user.email, name: user.name, role: "ADMIN", mustChangePassword: false, sessionVersion: 0 };
});

describe("console actions across orgs", () => {
  it("answer NOT_FOUND for every id of the first org and change nothing there", async () => {
    const workflows = await actions("@/app/(console)/programs/[programId]/workflows/actions");
    const programs = await actions("@/app/(console)/programs/actions");
    const tiers = await actions("@/app/(console)/programs/[programId]/tiers/actions");
    const groups = await actions("@/app/(console)/member-care/groups/[id]/actions");
    const users = await actions("@/app/(console)/settings/users/actions");
    const fleets = await actions("@/app/(console)/settings/fleet-hierarchies/actions");
    const units = await actions("@/app/(console)/settings/organisation/actions");
    const fields = await actions("@/app/(console)/settings/extended-fields/actions");
    const webhooks = await actions("@/app/(console)/settings/webhooks/actions");
    const clients = await actions("@/app/(console)/settings/api-clients/actions");
    const calls: [name: string, call: () => Promise<Result>][] = [
      ["diffWorkflowVersionsAction", () => workflows.diffWorkflowVersionsAction!({ programId: a.programId, from: "live", to: "draft" })],
      ["simulationCustomersAction", () => workflows.simulationCustomersAction!({ programId: a.programId, search: a.members[0]!.firstName })],
      ["restoreWorkflowVersionAction", () => workflows.restoreWorkflowVersionAction!({ programId: a.programId, number: a.live.number })],
      ["discardWorkflowDraftAction", () => workflows.discardWorkflowDraftAction!({ programId: a.programId })],
      ["setProgramActiveAction", () => programs.setProgramActiveAction!({ programId: a.programId, active: false })],
      ["deleteTierAction", () => tiers.deleteTierAction!({ programId: a.programId, tierId: a.tier.id })],
      ["removeGroupMemberAction", () => groups.removeGroupMemberAction!({ groupId: a.group.id, customerId: a.members[1]!.id })],
      ["setUserActiveAction", () => users.setUserActiveAction!({ userId: a.user.id, active: false })],
      ["resetUserPasswordAction", () => users.resetUserPasswordAction!({ userId: a.user.id })],
      ["changeUserRoleAction", () => users.changeUserRoleAction!({ userId: a.user.id, role: "VIEWER" })],
      ["deleteFleetHierarchyAction", () => fleets.deleteFleetHierarchyAction!({ id: a.hierarchy.id })],
      ["setOrgUnitActiveAction", () => units.setOrgUnitActiveAction!({ kind: "zone", id: a.zone.id, active: false })],
      ["setExtendedFieldActiveAction", () => fields.setExtendedFieldActiveAction!({ id: a.field.id, active: false })],
      ["setWebhookActiveAction", () => webhooks.setWebhookActiveAction!({ id: a.subscription.id, active: false })],
      ["revokeApiClientAction", () => clients.revokeApiClientAction!({ id: a.client.id })],
      ["setApiClientTrustAction", () => clients.setApiClientTrustAction!({ id: a.client.id, trusted: true })],
      ["setApiClientRateLimitAction", () => clients.setApiClientRateLimitAction!({ id: a.client.id, rateLimitPerMinute: 1 })],
    ];
    const before = await snapshot(a.orgId);
    session.user = stranger;
    const outcomes: Record<string, string> = {};
    for (const [name, call] of calls) {
      const r = await call();
      outcomes[name] = r.ok ? "ok" : r.error!.code;
    }
    session.user = null;
    expect(outcomes).toEqual(Object.fromEntries(calls.map(([name]) => [name, "NOT_FOUND"])));
    expect(await snapshot(a.orgId)).toEqual(before);
  });
});
