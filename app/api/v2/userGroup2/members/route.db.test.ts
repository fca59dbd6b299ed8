import { beforeAll, describe, expect, it } from "vitest";
import { createCustomer, createGroupRow, createGroupsOrg, groupsDb } from "@/lib/testing/groups-factories";
import { caller, codes } from "../api-test-helpers";
import { POST as JOIN } from "../join/route";
import { GET } from "./route";

type Member = { userId: number; role: string; membershipStatus: string; permissions: string[]; pointsContributed: number; cardDetails?: { cardNumber: string; status?: string }[] };
type Page = { groupId: number; data: Member[]; pagination: { limit: number; offset: number; total: number } };

let call: ReturnType<typeof caller>;
let groupId: number;
let ids: number[];
const members = (qs: string) => call(GET, "GET", `/api/v2/userGroup2/members?${qs}`);

beforeAll(async () => {
  const setup = await createGroupsOrg({ groupSize: 10 });
  call = caller(setup.authorization);
  const group = await createGroupRow(setup.orgId, { externalId: "mem_ext_01" });
  groupId = group.id;
  const people = [];
  for (let i = 0; i < 4; i++) people.push(await createCustomer(setup.orgId, { card: `92000000000${i}` }));
  ids = people.map((p) => p.id);
  // Joined one by one so join dates differ; the primary joins third.
  for (const [i, p] of people.entries()) {
    await call(JOIN, "POST", `/api/v2/userGroup2/join?id=${groupId}`, [{ userId: p.id, primaryMember: i === 2, permissions: i === 1 ? ["block_points_redemption"] : [] }]);
  }
  await groupsDb.exit(groupId, ids[3]!);
});

describe("GET /v2/userGroup2/members", () => {
  it("lists current members, primary first, with roles and permissions", async () => {
    const res = await members(`source=INSTORE&identifierName=id&identifierValue=${groupId}`);
    expect(res.status).toBe(200);
    const body = res.body as Page;
    expect(body.pagination).toEqual({ limit: 20, offset: 0, total: 3 });
    expect(body.data.map((m) => [m.userId, m.role])).toEqual([[ids[2], "PRIMARY"], [ids[0], "SECONDARY"], [ids[1], "SECONDARY"]]);
    expect(body.data[2]).toMatchObject({ permissions: ["block_points_redemption"], membershipStatus: "CURRENT", pointsContributed: 0 });
  });

  it("adds exited members with includeExited=true", async () => {
    const body = (await members(`identifierName=externalId&identifierValue=mem_ext_01&includeExited=true`)).body as Page;
    expect(body.pagination.total).toBe(4);
    expect(body.data.find((m) => m.userId === ids[3])?.membershipStatus).toBe("EXITED");
  });

  it("sorts by join date or user id and pages", async () => {
    const byJoin = (await members(`identifierValue=${groupId}&sortBy=JOINED_ON&sortOrder=DESC`)).body as Page;
    expect(byJoin.data.map((m) => m.userId)).toEqual([ids[2], ids[1], ids[0]]);
    const page2 = (await members(`identifierValue=${groupId}&sortBy=USER_ID&limit=2&offset=2`)).body as Page;
    expect(page2.data.map((m) => m.userId)).toEqual([Math.max(...ids.slice(0, 3))]);
    expect(page2.pagination).toEqual({ limit: 2, offset: 2, total: 3 });
  });

  it("includes card details and their status on request", async () => {
    const body = (await members(`identifierValue=${groupId}&includeCardDetails=true&includeStatusDetails=true`)).body as Page;
    expect(body.data[0]?.cardDetails).toEqual([{ cardNumber: "920000000002", status: "ACTIVE", statusReason: null, createdOn: expect.any(String) }]);
  });

  it("answers 1632 for an unknown group and 400 without identifierValue", async () => {
    expect(codes((await members("identifierName=id&identifierValue=abc")).body)).toEqual([1632]);
    expect(codes((await members("identifierName=externalId&identifierValue=none")).body)).toEqual([1632]);
    expect((await members("identifierName=id")).status).toBe(400);
  });
});
