import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { setExtendedFieldActive } from "@/lib/customers/extended-fields";
import { updateOrgConfig } from "@/lib/org/configs";
import { createWorkflowOrg, createPrincipal } from "@/lib/testing/workflow-factories";
import type { WorkflowPrincipal } from "./access";
import { ExpressionProblemsError } from "./errors";
import { evaluateWorkflow } from "./evaluate";
import { getLiveWorkflow } from "./live";
import { decidePublishRequest, getPendingRequest, publishWorkflow } from "./publish";
import { discardDraft, restoreVersion, saveDraft } from "./save-draft";
import { seedWorkflowDocument, SEED_GROUP_EXPRESSION } from "./seed-workflow";
import { diffVersions, getWorkflowVersion, listWorkflowVersions, programsWithUnpublishedChanges } from "./versions";

const caught = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

describe("workflow versions: save, publish, history, restore, diff", () => {
  let env: Awaited<ReturnType<typeof createWorkflowOrg>>;
  let manager: WorkflowPrincipal & { userId: number };
  let contributor: { userId: number };
  const ids = () => ({ orgId: env.org.id, programId: env.program.id });

  beforeAll(async () => {
    env = await createWorkflowOrg();
    manager = await createPrincipal(env.org.id, "PROGRAM_MANAGER");
    contributor = await createPrincipal(env.org.id, "VIEWER");
    await db.programContributor.create({ data: { programId: env.program.id, userId: contributor.userId, orgId: env.org.id } });
  });

  it("refuses to save a document whose expressions do not check, naming each one", async () => {
    const document = seedWorkflowDocument();
    const conditions = document.activities![0]!.rulesets![0]!.conditions!;
    conditions[0]!.expression = 'currentTxn.extField_member_card_swipe=="No"';
    conditions[1]!.expression = 'currentTxn.extField_member_card_swiped=="Yes" &&';
    const error = await caught(saveDraft({ ...ids(), principal: manager, document }));
    expect(error).toBeInstanceOf(ExpressionProblemsError);
    const problems = (error as ExpressionProblemsError).problems;
    expect(problems.map((p) => [p.path, p.conditionName, p.code])).toEqual([
      ["activities.0.rulesets.0.conditions.0.expression", "Individual", "UNKNOWN_ATTRIBUTE"],
      ["activities.0.rulesets.0.conditions.1.expression", "User Group", "UNEXPECTED_TOKEN"],
    ]);
    expect(problems[0]?.message).toContain("extField_member_card_swiped");
    expect(problems[0]?.range).toEqual({ start: 11, end: 37 });
    expect(await getWorkflowVersion({ ...ids(), version: "draft" })).toBeNull();
  });

  it("saves the seed as draft 1 with condition ids, then updates that one draft", async () => {
    const first = await saveDraft({ ...ids(), principal: manager, document: seedWorkflowDocument() });
    expect(first).toMatchObject({ number: 1, state: "DRAFT", revision: 1, author: manager.actor.label, conditionCount: 2 });
    const conditionIds = first.document.activities[0]!.rulesets[0]!.conditions.map((c) => c.id);
    expect(conditionIds.every((id) => typeof id === "string")).toBe(true);

    const edited = structuredClone(first.document);
    edited.activities[0]!.rulesets[0]!.conditions[0]!.name = "Individual wallet";
    const second = await saveDraft({ ...ids(), principal: manager, document: edited, baseRevision: 1 });
    expect(second).toMatchObject({ number: 1, revision: 2 });
    expect(second.document.activities[0]!.rulesets[0]!.conditions.map((c) => c.id)).toEqual(conditionIds);
    expect(await programsWithUnpublishedChanges(env.org.id)).toEqual(new Set([env.program.id]));

    // An editor that opened revision 1 must not overwrite revision 2 unseen.
    const stale = await caught(saveDraft({ ...ids(), principal: manager, document: first.document, baseRevision: 1 }));
    expect(stale).toBeInstanceOf(AppError);
    expect((stale as AppError).kind).toBe("CONFLICT");
  });

  it("publishes the draft as LIVE with a note, tells the contributors and audits it", async () => {
    const out = await publishWorkflow({ ...ids(), principal: manager, note: "Seed 001: mutually exclusive wallets" });
    expect(out.kind).toBe("published");
    const live = await getWorkflowVersion({ ...ids(), version: "live" });
    expect(live).toMatchObject({ number: 1, state: "LIVE", note: "Seed 001: mutually exclusive wallets", publishedBy: manager.actor.label });
    expect(await getWorkflowVersion({ ...ids(), version: "draft" })).toBeNull();
    expect(await programsWithUnpublishedChanges(env.org.id)).toEqual(new Set());
    const notices = await db.notice.findMany({ where: { userId: contributor.userId } });
    expect(notices.map((n) => n.title)).toEqual(["Workflow version 1 published"]);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { orgId: env.org.id, action: "workflow.publish" } });
    expect(audit.after).toEqual({ liveVersion: 1, note: "Seed 001: mutually exclusive wallets" });
    // Nothing left to publish.
    const again = await caught(publishWorkflow({ ...ids(), principal: manager, note: "again" }));
    expect((again as AppError).kind).toBe("CONFLICT");
  });

  it("refuses in the database any change to a LIVE version's document", async () => {
    const live = await db.workflowVersion.findFirstOrThrow({ where: { programId: env.program.id, state: "LIVE" } });
    await expect(db.workflowVersion.update({ where: { id: live.id }, data: { document: { activities: [] } } })).rejects.toThrow(/immutable/);
    await expect(db.workflowVersion.delete({ where: { id: live.id } })).rejects.toThrow(/never deleted/);
  });

  it("publishing version 2 retires version 1; history lists both; diff shows what changed; restore brings 1 back as the draft", async () => {
    const v1 = (await getWorkflowVersion({ ...ids(), version: 1 }))!;
    const next = structuredClone(v1.document);
    const ruleset = next.activities[0]!.rulesets[0]!;
    ruleset.conditions[1]!.expression = `${SEED_GROUP_EXPRESSION} && currentTxn.value > 0`;
    ruleset.conditions.push({ name: "Big spender", expression: "currentTxn.value >= 5000", whenTrue: [{ type: "UPGRADE_TIER" }], whenFalse: [] });
    ruleset.conditions.splice(0, 1);
    await saveDraft({ ...ids(), principal: manager, document: next });
    await publishWorkflow({ ...ids(), principal: manager, note: "v2" });

    const history = await listWorkflowVersions(ids());
    expect(history.map((h) => [h.number, h.state, h.note])).toEqual([
      [2, "LIVE", "v2"],
      [1, "RETIRED", "Seed 001: mutually exclusive wallets"],
    ]);

    const { diff } = await diffVersions({ ...ids(), from: 1, to: 2 });
    expect(diff.counts).toEqual({ added: 1, removed: 1, changed: 1 });
    const changed = diff.changes[0]!.conditions.find((c) => c.status === "changed");
    expect(changed && changed.status === "changed" && changed.fields).toEqual(["expression", "position"]);
    const parts = changed && changed.status === "changed" ? changed.expression : null;
    expect(parts?.filter((p) => p.change === "added").map((p) => p.text).join("")).toContain("&& currentTxn.value > 0");

    const restored = await restoreVersion({ ...ids(), principal: manager, number: 1 });
    expect(restored).toMatchObject({ number: 3, state: "DRAFT", restoredFromNumber: 1 });
    expect(restored.document).toEqual(v1.document);
    expect((await diffVersions({ ...ids(), from: 1, to: "draft" })).diff.changes).toEqual([]);
    await discardDraft({ ...ids(), principal: manager });
    expect(await getWorkflowVersion({ ...ids(), version: "draft" })).toBeNull();
  });

  it("lets a viewer read but not save or publish, and hides another org's program", async () => {
    const viewer = await createPrincipal(env.org.id, "VIEWER");
    const careAgent = await createPrincipal(env.org.id, "MEMBER_CARE");
    for (const who of [viewer, careAgent]) {
      expect(((await caught(saveDraft({ ...ids(), principal: who, document: seedWorkflowDocument() }))) as AppError).kind).toBe("FORBIDDEN");
      expect(((await caught(publishWorkflow({ ...ids(), principal: who, note: "x" }))) as AppError).kind).toBe("FORBIDDEN");
    }
    const other = await createWorkflowOrg();
    const error = await caught(getWorkflowVersion({ orgId: other.org.id, programId: env.program.id, version: "live" }));
    expect((error as AppError).kind).toBe("NOT_FOUND");
    expect(((await caught(saveDraft({ orgId: other.org.id, programId: env.program.id, principal: manager, document: seedWorkflowDocument() }))) as AppError).kind).toBe("NOT_FOUND");
  });
});

describe("two publishes at once", () => {
  it("lets exactly one win and tells the other", async () => {
    const env = await createWorkflowOrg();
    const [a, b] = [await createPrincipal(env.org.id, "ADMIN"), await createPrincipal(env.org.id, "PROGRAM_MANAGER")];
    const ids = { orgId: env.org.id, programId: env.program.id };
    await saveDraft({ ...ids, principal: a, document: seedWorkflowDocument() });
    const results = await Promise.allSettled([publishWorkflow({ ...ids, principal: a, note: "from A" }), publishWorkflow({ ...ids, principal: b, note: "from B" })]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(AppError);
    expect((lost[0]!.reason as AppError).kind).toBe("CONFLICT");
    expect((lost[0]!.reason as AppError).message).toMatch(/^Another publish won: version 1 was just published by /);
    const versions = await db.workflowVersion.findMany({ where: { programId: env.program.id } });
    expect(versions.map((v) => v.state)).toEqual(["LIVE"]);
    expect(await db.auditEntry.count({ where: { orgId: env.org.id, action: "workflow.publish" } })).toBe(1);
  });
});

describe("maker-checker", () => {
  let env: Awaited<ReturnType<typeof createWorkflowOrg>>;
  let manager: WorkflowPrincipal & { userId: number };
  let admin: WorkflowPrincipal & { userId: number };
  let otherAdmin: WorkflowPrincipal & { userId: number };
  const ids = () => ({ orgId: env.org.id, programId: env.program.id });

  beforeAll(async () => {
    env = await createWorkflowOrg();
    manager = await createPrincipal(env.org.id, "PROGRAM_MANAGER");
    admin = await createPrincipal(env.org.id, "ADMIN");
    otherAdmin = await createPrincipal(env.org.id, "ADMIN");
    await saveDraft({ ...ids(), principal: manager, document: seedWorkflowDocument() });
    await publishWorkflow({ ...ids(), principal: manager, note: "before maker-checker" });
    await updateOrgConfig({ orgId: env.org.id, actor: admin.actor, key: "WORKFLOW_MAKER_CHECKER", value: true });
  });

  async function newDraft(name: string) {
    const live = (await getWorkflowVersion({ ...ids(), version: "live" }))!;
    const doc = structuredClone(live.document);
    doc.activities[0]!.rulesets[0]!.conditions[0]!.name = name;
    return saveDraft({ ...ids(), principal: manager, document: doc });
  }

  it("turns a program manager's publish into a request; the LIVE version keeps running; an admin approves", async () => {
    const draft = await newDraft("Individual (v2)");
    const out = await publishWorkflow({ ...ids(), principal: manager, note: "rename" });
    expect(out).toMatchObject({ kind: "requested", request: { versionNumber: draft.number, note: "rename", requestedBy: manager.actor.label } });
    expect((await getWorkflowVersion({ ...ids(), version: "live" }))?.number).toBe(1);
    expect(await db.notice.count({ where: { userId: { in: [admin.userId, otherAdmin.userId] }, kind: "workflow.approvalRequested" } })).toBe(2);
    // One request at a time; the requester (not an admin) cannot decide it.
    expect(((await caught(publishWorkflow({ ...ids(), principal: manager, note: "again" }))) as AppError).kind).toBe("CONFLICT");
    const pending = (await getPendingRequest(ids()))!;
    expect(((await caught(decidePublishRequest({ ...ids(), principal: manager, requestId: pending.id, approve: true, comment: "" }))) as AppError).kind).toBe("FORBIDDEN");

    const decided = await decidePublishRequest({ ...ids(), principal: admin, requestId: pending.id, approve: true, comment: "ok" });
    expect(decided.status).toBe("APPROVED");
    expect(await getWorkflowVersion({ ...ids(), version: "live" })).toMatchObject({ number: draft.number, note: "rename", publishedBy: admin.actor.label });
    expect(await db.notice.count({ where: { userId: manager.userId, kind: "workflow.published" } })).toBe(1);
    expect(((await caught(decidePublishRequest({ ...ids(), principal: otherAdmin, requestId: pending.id, approve: false, comment: "late" }))) as AppError).kind).toBe("CONFLICT");
  });

  it("rejects with a comment: the draft stays, the requester is told; an admin cannot approve their own request", async () => {
    await newDraft("Individual (v3)");
    await publishWorkflow({ ...ids(), principal: manager, note: "v3" });
    const pending = (await getPendingRequest(ids()))!;
    expect(((await caught(decidePublishRequest({ ...ids(), principal: admin, requestId: pending.id, approve: false, comment: " " }))) as AppError).field).toBe("comment");
    await decidePublishRequest({ ...ids(), principal: admin, requestId: pending.id, approve: false, comment: "Name it after the wallet" });
    expect(await getPendingRequest(ids())).toBeNull();
    expect((await getWorkflowVersion({ ...ids(), version: "draft" }))?.document.activities[0]?.rulesets[0]?.conditions[0]?.name).toBe("Individual (v3)");
    const notice = await db.notice.findFirstOrThrow({ where: { userId: manager.userId, kind: "workflow.rejected" } });
    expect(notice.body).toBe("Name it after the wallet");

    // Admins publish directly even with maker-checker on.
    const direct = await publishWorkflow({ ...ids(), principal: admin, note: "admin publishes" });
    expect(direct.kind).toBe("published");
  });

  it("voids a pending request when the draft changes, so an admin never approves unseen edits", async () => {
    await newDraft("Individual (v4)");
    await publishWorkflow({ ...ids(), principal: manager, note: "v4" });
    const pending = (await getPendingRequest(ids()))!;
    await newDraft("Individual (v4, edited)");
    expect(await getPendingRequest(ids())).toBeNull();
    const error = await caught(decidePublishRequest({ ...ids(), principal: admin, requestId: pending.id, approve: true, comment: "" }));
    expect((error as AppError).kind).toBe("CONFLICT");
  });
});

describe("a deactivated extended field", () => {
  it("blocks the next publish, while the LIVE version keeps running as published", async () => {
    const env = await createWorkflowOrg();
    const admin = await createPrincipal(env.org.id, "ADMIN");
    const ids = { orgId: env.org.id, programId: env.program.id };
    await saveDraft({ ...ids, principal: admin, document: seedWorkflowDocument() });
    await publishWorkflow({ ...ids, principal: admin, note: "seed" });
    const doc = (await getWorkflowVersion({ ...ids, version: "live" }))!.document;
    doc.activities[0]!.rulesets[0]!.name = "Earn points";
    await saveDraft({ ...ids, principal: admin, document: doc });

    await setExtendedFieldActive({ orgId: env.org.id, actor: admin.actor, id: env.field.id, active: false });
    const error = await caught(publishWorkflow({ ...ids, principal: admin, note: "rename ruleset" }));
    expect(error).toBeInstanceOf(ExpressionProblemsError);
    expect((error as ExpressionProblemsError).problems.map((p) => p.code)).toEqual(["UNKNOWN_ATTRIBUTE", "UNKNOWN_ATTRIBUTE", "UNKNOWN_ATTRIBUTE"]);
    expect((await getWorkflowVersion({ ...ids, version: "live" }))?.number).toBe(1);

    const live = (await getLiveWorkflow(ids))!;
    expect(live.workflow.problems).toEqual([]);
    const out = evaluateWorkflow(live.workflow, { activity: "TransactionAdd", context: { currentTxn: { value: 200, extField_member_card_swiped: "Yes" } }, eventDate: new Date() });
    expect(out.allocations.map((a) => [a.wallet, a.points])).toEqual([["USER_GROUP", "20"]]);
  });
});
