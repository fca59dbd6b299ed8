import { beforeAll, describe, expect, it } from "vitest";
import { createCustomer, createGroupRow, createGroupsOrg, setOrgConfig } from "@/lib/testing/groups-factories";
import { caller, codes } from "../api-test-helpers";
import { POST as JOIN } from "../join/route";
import { GET } from "./route";

type Page = { pagination: { limit: number; offset: number; total: number }; data: { groupId: number; groupExternalId: string; primaryMemberId: number | null; mobile: string | null; email: string | null; firstName: string | null; totalMembers: number; groupStatus: string }[] };

let call: ReturnType<typeof caller>;
let orgId: number;
let groupId: number;
let primary: Awaited<ReturnType<typeof createCustomer>>;
let secondary: Awaited<ReturnType<typeof createCustomer>>;
const search = (qs: string) => call(GET, "GET", `/api/v2/userGroup2/search?${qs}`);

beforeAll(async () => {
  const setup = await createGroupsOrg();
  orgId = setup.orgId;
  call = caller(setup.authorization);
  const group = await createGroupRow(orgId, { externalId: "srch_family_01", groupName: "Sunflower Family" });
  groupId = group.id;
  primary = await createCustomer(orgId, { firstName: "Priya", card: "9100777123456" });
  secondary = await createCustomer(orgId);
  await call(JOIN, "POST", `/api/v2/userGroup2/join?id=${groupId}`, [{ userId: primary.id, primaryMember: true }, { userId: secondary.id }]);
  for (let i = 0; i < 3; i++) await createGroupRow(orgId, { externalId: `srch_paged_${i}`, groupName: `Paged ${i}` });
});

describe("GET /v2/userGroup2/search", () => {
  it.each([
    ["the group id", () => String(groupId)],
    ["part of the name, any case", () => "sunflower"],
    ["part of the external id", () => "family_01"],
    ["the primary's mobile", () => primary.mobile],
    ["the primary's email", () => primary.email],
    ["the primary's card", () => "9100777123456"],
  ])("finds the group by %s, with the primary's details", async (_, q) => {
    const res = await search(`q=${encodeURIComponent(q())}`);
    expect(res.status).toBe(200);
    const body = res.body as Page;
    expect(body.data.map((g) => g.groupId)).toContain(groupId);
    expect(body.data.find((g) => g.groupId === groupId)).toMatchObject({
      groupExternalId: "srch_family_01", groupStatus: "ACTIVE", primaryMemberId: primary.id, firstName: "Priya", mobile: primary.mobile, email: primary.email, totalMembers: 2,
    });
  });

  it("does not find a group by a secondary member's identifier", async () => {
    expect((await search(`q=${secondary.mobile}`)).body).toMatchObject({ pagination: { total: 0 }, data: [] });
  });

  it("pages with offset and limit and reports the total", async () => {
    const first = (await search("q=srch_paged&limit=2")).body as Page;
    expect(first.pagination).toEqual({ limit: 2, offset: 0, total: 3 });
    expect(first.data).toHaveLength(2);
    const rest = (await search("q=srch_paged&limit=2&offset=2")).body as Page;
    expect(rest.data).toHaveLength(1);
  });

  it("needs q (400) and user groups on (1690)", async () => {
    expect((await search("")).status).toBe(400);
    await setOrgConfig(orgId, "CONF_USER_GROUP_ENABLED", false);
    const res = await search("q=x");
    await setOrgConfig(orgId, "CONF_USER_GROUP_ENABLED", true);
    expect(codes(res.body)).toEqual([1690]);
  });
});
