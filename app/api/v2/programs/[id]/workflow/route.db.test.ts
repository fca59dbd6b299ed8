import { beforeAll, describe, expect, it } from "vitest";
import { setExtendedFieldActive } from "@/lib/customers/extended-fields";
import { updateOrgConfig } from "@/lib/org/configs";
import { createApiClient } from "@/lib/testing/factories";
import { callRoute } from "@/lib/testing/route";
import { createWorkflowOrg } from "@/lib/testing/workflow-factories";
import { seedWorkflowDocument } from "@/lib/workflows/seed-workflow";
import { POST } from "./publish/route";
import { GET, PUT } from "./route";

type ErrorItem = { status: boolean; code: number; message: string; field?: string; range?: { start: number; end: number }; line?: number; column?: number };
type ErrorBody = { warnings: unknown[]; errors: ErrorItem[] };
type VersionBody = {
  data: {
    programId: number;
    version: { number: number; state: string; revision: number; note: string; author: string | null; publishedBy: string | null; publishedAt: string | null };
    document: { activities: { activity: string; rulesets: { name: string; conditions: { id: string; name: string; expression: string }[] }[] }[] };
  };
};

const system = { actor: { kind: "system" as const, label: "test" } };

describe("the workflow API: GET/PUT /v2/programs/{id}/workflow, POST …/workflow/publish", () => {
  let env: Awaited<ReturnType<typeof createWorkflowOrg>>;
  let writer: string;
  let reader: string;
  let url: string;
  const params = () => ({ id: String(env.program.id) });
  const get = (query = "", authorization = reader) => callRoute(GET, `${url}${query}`, { headers: { authorization }, params: params() });
  const put = (body: unknown, query = "", authorization = writer) =>
    callRoute(PUT, `${url}${query}`, { method: "PUT", headers: { authorization, "content-type": "application/json" }, body: JSON.stringify(body), params: params() });
  const publish = (body: unknown, authorization = writer) =>
    callRoute(POST, `${url}/publish`, { method: "POST", headers: { authorization, "content-type": "application/json" }, body: JSON.stringify(body), params: params() });

  beforeAll(async () => {
    env = await createWorkflowOrg();
    url = `/api/v2/programs/${env.program.id}/workflow`;
    writer = (await createApiClient(env.org.id, { scopes: ["workflows:read", "workflows:write"] })).authorization;
    reader = (await createApiClient(env.org.id, { scopes: ["workflows:read"] })).authorization;
  });

  it("answers 401 without credentials and 403 without the scope", async () => {
    expect((await get("", "")).status).toBe(401);
    const res = await put(seedWorkflowDocument(), "", reader);
    expect(res.status).toBe(403);
    expect((res.body as ErrorBody).errors).toEqual([{ status: false, code: 403, message: "This API client lacks the scope workflows:write" }]);
  });

  it("answers 404 while the program has no LIVE workflow, and for another org's program", async () => {
    const res = await get();
    expect(res.status).toBe(404);
    expect((res.body as ErrorBody).errors[0]?.message).toBe(`Program ${env.program.id} has no LIVE workflow`);
    const other = await createWorkflowOrg();
    const stranger = (await createApiClient(other.org.id, { scopes: ["workflows:read"] })).authorization;
    const cross = await get("?version=draft", stranger);
    expect(cross.status).toBe(404);
    expect((cross.body as ErrorBody).errors[0]?.message).toBe(`Program ${env.program.id} not found`);
  });

  it("refuses a document with a misspelt attribute: one 400 item per bad expression, with path, message and range", async () => {
    const document = seedWorkflowDocument();
    document.activities![0]!.rulesets![0]!.conditions![1]!.expression = 'currentTxn.extField_member_card_swipe=="Yes"';
    const res = await put(document);
    expect(res.status).toBe(400);
    const errors = (res.body as ErrorBody).errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ status: false, code: 400, field: "activities.0.rulesets.0.conditions.1.expression", range: { start: 11, end: 37 }, line: 1, column: 12 });
    expect(errors[0]?.message).toMatch(/^Invalid expression : User Group: .*extField_member_card_swipe/);
    expect((await get("?version=draft")).status).toBe(404);
  });

  it("refuses a malformed document naming the field, and a bad version selector", async () => {
    const document = seedWorkflowDocument() as { activities: { rulesets: { conditions: { whenTrue: Record<string, unknown>[] }[] }[] }[] };
    document.activities[0]!.rulesets[0]!.conditions[0]!.whenTrue[0]!.rounding = "SOMETIMES";
    const res = await put(document);
    expect(res.status).toBe(400);
    expect((res.body as ErrorBody).errors).toEqual([
      { status: false, code: 400, field: "activities.0.rulesets.0.conditions.0.whenTrue.0.rounding", message: "Invalid input : activities.0.rulesets.0.conditions.0.whenTrue.0.rounding: Choose the points rounding: ACTUAL, FLOOR, CEIL, ROUND." },
    ]);
    const bad = await get("?version=newest");
    expect(bad.status).toBe(400);
    expect((bad.body as ErrorBody).errors[0]?.field).toBe("version");
    expect((await put("not json at all" as unknown)).status).toBe(400);
  });

  it("saves the seed's two conditions as the draft, verbatim, and reads it back with condition ids", async () => {
    const res = await put(seedWorkflowDocument());
    expect(res.status).toBe(200);
    const body = res.body as VersionBody;
    expect(body.data.version).toMatchObject({ number: 1, state: "DRAFT", revision: 1, publishedAt: null });
    const read = (await get("?version=draft")).body as VersionBody;
    const conditions = read.data.document.activities[0]!.rulesets[0]!.conditions;
    expect(conditions.map((c) => [c.name, c.expression])).toEqual([
      ["Individual", 'currentTxn.extField_member_card_swiped=="No" || currentTxn.extField_member_card_swiped.isNull()'],
      ["User Group", 'currentTxn.extField_member_card_swiped=="Yes"'],
    ]);
    expect(conditions.every((c) => /^[A-Za-z0-9_-]+$/.test(c.id))).toBe(true);
    // Sending the same file again changes nothing (the ids are kept).
    expect(((await put(seedWorkflowDocument())).body as VersionBody).data.version.revision).toBe(1);
    // An edit based on an older revision is refused.
    const edited = { ...read.data.document, activities: [{ ...read.data.document.activities[0]!, rulesets: [{ ...read.data.document.activities[0]!.rulesets[0]!, name: "Earn!" }] }] };
    expect((await put(edited, "?baseRevision=1")).status).toBe(200);
    const stale = await put(read.data.document, "?baseRevision=1");
    expect(stale.status).toBe(409);
    expect(((await put(read.data.document, "?baseRevision=2")).body as VersionBody).data.version.revision).toBe(3);
  });

  it("publishes with a note: 400 without one, 200 and LIVE with it, then 409 as nothing is left", async () => {
    const noNote = await publish({});
    expect(noNote.status).toBe(400);
    expect((noNote.body as ErrorBody).errors[0]?.field).toBe("note");
    const stale = await publish({ note: "x", revision: 1 });
    expect(stale.status).toBe(409);
    expect((stale.body as ErrorBody).errors[0]?.message).toBe("The draft changed since you reviewed it. Reload and review it again before publishing.");

    const res = await publish({ note: "Seed 001: group or individual wallet" });
    expect(res.status).toBe(200);
    expect((res.body as { data: { published: boolean; version: { number: number; state: string } } }).data).toMatchObject({ published: true, version: { number: 1, state: "LIVE" } });
    const live = (await get("?version=live")).body as VersionBody;
    expect(live.data.version).toMatchObject({ number: 1, state: "LIVE", note: "Seed 001: group or individual wallet" });
    expect(live.data.document.activities[0]!.rulesets[0]!.conditions).toHaveLength(2);
    expect(((await get("?version=1")).body as VersionBody).data.version.state).toBe("LIVE");
    expect((await get("?version=9")).status).toBe(404);

    const again = await publish({ note: "again" });
    expect(again.status).toBe(409);
    expect((again.body as ErrorBody).errors[0]?.code).toBe(409);
  });

  it("lets one of two simultaneous publishes win and answers the other 409", async () => {
    const doc = ((await get("?version=live")).body as VersionBody).data.document;
    expect((await put({ activities: [{ ...doc.activities[0]!, rulesets: [{ ...doc.activities[0]!.rulesets[0]!, name: "Earn v2" }] }] })).status).toBe(200);
    const [a, b] = await Promise.all([publish({ note: "A" }), publish({ note: "B" })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = (a.status === 409 ? a : b).body as ErrorBody;
    expect(loser.errors[0]?.message).toMatch(/^Another publish won: version 2 was just published by /);
  });

  it("answers 422 when a field the draft uses was deactivated, and 202 with a request under maker-checker", async () => {
    const doc = ((await get("?version=live")).body as VersionBody).data.document;
    await put({ activities: [{ ...doc.activities[0]!, rulesets: [{ ...doc.activities[0]!.rulesets[0]!, name: "Earn v3" }] }] });
    await setExtendedFieldActive({ orgId: env.org.id, ...system, id: env.field.id, active: false });
    const blocked = await publish({ note: "v3" });
    expect(blocked.status).toBe(422);
    expect((blocked.body as ErrorBody).errors.map((e) => e.field)).toEqual([
      "activities.0.rulesets.0.conditions.0.expression",
      "activities.0.rulesets.0.conditions.0.expression",
      "activities.0.rulesets.0.conditions.1.expression",
    ]);
    await setExtendedFieldActive({ orgId: env.org.id, ...system, id: env.field.id, active: true });

    await updateOrgConfig({ orgId: env.org.id, ...system, key: "WORKFLOW_MAKER_CHECKER", value: true });
    const requested = await publish({ note: "v3 please" });
    expect(requested.status).toBe(202);
    expect((requested.body as { data: { published: boolean; request: { status: string; versionNumber: number; note: string } } }).data).toMatchObject({
      published: false,
      request: { status: "PENDING", versionNumber: 3, note: "v3 please" },
    });
    expect(((await get("?version=live")).body as VersionBody).data.version.number).toBe(2);
  });
});
