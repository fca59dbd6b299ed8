import { beforeAll, describe, expect, it } from "vitest";
import { createCustomer, createGroupRow, createGroupsOrg, enrolAtTier, groupsDb, setOrgConfig, tierOf } from "@/lib/testing/groups-factories";
import { caller, codes, type ErrorBody } from "../../api-test-helpers";
import { POST as JOIN } from "../../join/route";
import { GET as MEMBERS } from "../../members/route";
import { DELETE } from "./route";

let call: ReturnType<typeof caller>;
let orgId: number;
let programId: number;

beforeAll(async () => {
  const setup = await createGroupsOrg();
  orgId = setup.orgId;
  programId = setup.defaultProgram.id;
  call = caller(setup.authorization);
});

async function familyOf(n: number) {
  const group = await createGroupRow(orgId);
  const people = await Promise.all(Array.from({ length: n }, () => createCustomer(orgId, { card: `9100${Math.floor(Math.random() * 1e10)}` })));
  await call(JOIN, "POST", `/api/v2/userGroup2/join?id=${group.id}`, people.map((p, i) => ({ userId: p.id, primaryMember: i === 0 })));
  return { group, people };
}
const leave = (groupId: number, qs: string) => call(DELETE, "DELETE", `/api/v2/userGroup2/${groupId}/leave?${qs}`, undefined, { groupId: String(groupId) });

describe("DELETE /v2/userGroup2/{groupId}/leave", () => {
  it("lets a secondary leave by mobile; the group stays active and lists them as exited", async () => {
    const { group, people } = await familyOf(3);
    const res = await leave(group.id, `source=INSTORE&identifierName=mobile&identifierValue=${people[1]?.mobile}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ warnings: [], errors: [], success: true });
    expect((await groupsDb.group(group.id)).status).toBe("ACTIVE");
    const current = await call(MEMBERS, "GET", `/api/v2/userGroup2/members?identifierName=id&identifierValue=${group.id}`);
    expect((current.body as { data: { userId: number }[] }).data.map((m) => m.userId)).not.toContain(people[1]?.id);
    const all = await call(MEMBERS, "GET", `/api/v2/userGroup2/members?identifierName=id&identifierValue=${group.id}&includeExited=true`);
    const exited = (all.body as { data: { userId: number; membershipStatus: string; exitedOn: string | null }[] }).data.find((m) => m.userId === people[1]?.id);
    expect(exited).toMatchObject({ membershipStatus: "EXITED", exitedOn: expect.any(String) });
  });

  it.each(["email", "id"] as const)("finds the member by %s", async (name) => {
    const { group, people } = await familyOf(2);
    const who = people[1];
    const value = name === "email" ? who?.email : String(who?.id);
    expect((await leave(group.id, `source=ALL&identifierName=${name}&identifierValue=${value}`)).status).toBe(200);
  });

  it("finds the member by card number", async () => {
    const group = await createGroupRow(orgId);
    const p = await createCustomer(orgId, { card: "9100555000111" });
    await call(JOIN, "POST", `/api/v2/userGroup2/join?id=${group.id}`, [{ userId: p.id, primaryMember: true }]);
    await setOrgConfig(orgId, "CONF_DISABLE_GROUP_DEACTIVATION_ON_PRIMARY_MEMBER_EXIT", true);
    expect((await leave(group.id, "source=INSTORE&identifierName=cardnumber&identifierValue=9100555000111")).status).toBe(200);
    await setOrgConfig(orgId, "CONF_DISABLE_GROUP_DEACTIVATION_ON_PRIMARY_MEMBER_EXIT", false);
  });

  it("resets a leaving secondary's tier to base, recording the change", async () => {
    const { group, people } = await familyOf(2);
    await enrolAtTier(orgId, programId, people[1]!.id, 2);
    await leave(group.id, `source=INSTORE&identifierName=mobile&identifierValue=${people[1]?.mobile}`);
    expect(await tierOf(programId, people[1]!.id)).toEqual({ number: 1, changes: [{ action: "DOWNGRADE", reason: `Left group ${group.id}` }] });
  });

  it("deactivates the group when the primary leaves", async () => {
    const { group, people } = await familyOf(2);
    await leave(group.id, `source=INSTORE&identifierName=mobile&identifierValue=${people[0]?.mobile}`);
    expect((await groupsDb.group(group.id)).status).toBe("INACTIVE");
  });

  it("keeps the group active when CONF_DISABLE_GROUP_DEACTIVATION_ON_PRIMARY_MEMBER_EXIT is on", async () => {
    const { group, people } = await familyOf(2);
    await setOrgConfig(orgId, "CONF_DISABLE_GROUP_DEACTIVATION_ON_PRIMARY_MEMBER_EXIT", true);
    await leave(group.id, `source=INSTORE&identifierName=mobile&identifierValue=${people[0]?.mobile}`);
    await setOrgConfig(orgId, "CONF_DISABLE_GROUP_DEACTIVATION_ON_PRIMARY_MEMBER_EXIT", false);
    expect((await groupsDb.group(group.id)).status).toBe("ACTIVE");
  });

  it("refuses a customer who is not a member (1620) and an unknown one (8015)", async () => {
    const { group } = await familyOf(1);
    const outsider = await createCustomer(orgId);
    const res = await leave(group.id, `source=INSTORE&identifierName=mobile&identifierValue=${outsider.mobile}`);
    expect(res.status).toBe(409);
    expect((res.body as ErrorBody).errors[0]?.message).toBe(`User ${outsider.id} does not belong to group ${group.id}.`);
    const unknown = await leave(group.id, "source=INSTORE&identifierName=mobile&identifierValue=0000");
    expect(unknown.status).toBe(404);
    expect((unknown.body as ErrorBody).errors[0]).toMatchObject({ code: 8015, message: "Customer not found for the given identifiers." });
  });

  it("refuses an unknown group with 1619 and missing query parameters with 400", async () => {
    expect(codes((await leave(999_999, "source=INSTORE&identifierName=mobile&identifierValue=1")).body)).toEqual([1619]);
    const res = await leave(1, "identifierName=phone");
    expect(res.status).toBe(400);
    expect((res.body as ErrorBody).errors.map((e) => e.field).sort()).toEqual(["identifierName", "identifierValue", "source"]);
  });
});
