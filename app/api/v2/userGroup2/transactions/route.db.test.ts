import { beforeAll, describe, expect, it } from "vitest";
import { createCustomer, createGroupRow, createGroupsOrg, groupsDb } from "@/lib/testing/groups-factories";
import { caller, codes } from "../api-test-helpers";
import { POST as JOIN } from "../join/route";
import { GET } from "./route";

type Page = { data: { billNumber: string; customerId: number; type: string; billAmount: number; pointSummary: { issuedPoints: number }; userGroup2: { id: number; lifeTimePurchases: number; primaryUserId: number } }[]; pagination: { total: number } };

let call: ReturnType<typeof caller>;
let orgId: number;
let groupId: number;
let primary: Awaited<ReturnType<typeof createCustomer>>;
let member: Awaited<ReturnType<typeof createCustomer>>;
const list = (qs: string) => call(GET, "GET", `/api/v2/userGroup2/transactions?${qs}`);

async function bill(customerId: number, number: string, amount: number, billedAt: Date, type: "REGULAR" | "RETURN" = "REGULAR") {
  await groupsDb.bill({ orgId, customerId, type, number, amount, billedAt });
}

beforeAll(async () => {
  const setup = await createGroupsOrg();
  orgId = setup.orgId;
  call = caller(setup.authorization);
  groupId = (await createGroupRow(orgId, { externalId: "txn_group" })).id;
  primary = await createCustomer(orgId);
  member = await createCustomer(orgId);
  await bill(primary.id, "B-BEFORE", 50, new Date("2020-01-01T00:00:00Z"));
  await call(JOIN, "POST", `/api/v2/userGroup2/join?id=${groupId}`, [{ userId: primary.id, primaryMember: true }, { userId: member.id }]);
  const now = Date.now();
  await bill(primary.id, "B-1", 100, new Date(now + 1_000));
  await bill(member.id, "B-2", 40, new Date(now + 2_000));
  await bill(member.id, "B-2", 10, new Date(now + 3_000), "RETURN");
});

describe("GET /v2/userGroup2/transactions", () => {
  it("lists the members' bills made while members, newest first", async () => {
    const res = await list(`id=${groupId}`);
    expect(res.status).toBe(200);
    const body = res.body as Page;
    expect(body.pagination.total).toBe(3);
    expect(body.data.map((t) => [t.billNumber, t.type])).toEqual([["B-2", "RETURN"], ["B-2", "REGULAR"], ["B-1", "REGULAR"]]);
    expect(body.data[0]?.userGroup2).toEqual({ id: groupId, groupStatus: "ACTIVE", lifeTimePurchases: 130, primaryUserId: primary.id });
    expect(body.data[0]?.pointSummary.issuedPoints).toBe(0);
  });

  it("filters by type, member and bill number; finds the group by the primary's mobile", async () => {
    const returns = (await list(`externalId=txn_group&type=RETURN`)).body as Page;
    expect(returns.data).toHaveLength(1);
    // A filtered page counts what the filter keeps; unfiltered, the group's bills (3 above).
    expect(returns.pagination.total).toBe(1);
    expect(((await list(`id=${groupId}&customerId=${primary.id}`)).body as Page).data.map((t) => t.billNumber)).toEqual(["B-1"]);
    expect(((await list(`id=${groupId}&billNumber=B-2&order=asc`)).body as Page).data.map((t) => t.type)).toEqual(["REGULAR", "RETURN"]);
    const byMobile = (await list(`identifierName=mobile&identifierValue=${primary.mobile}&source=INSTORE`)).body as Page;
    expect(byMobile.pagination.total).toBe(3);
  });

  it("needs a group selector (1635) and a known group (1632)", async () => {
    expect(codes((await list("type=REGULAR")).body)).toEqual([1635]);
    expect(codes((await list("id=999999")).body)).toEqual([1632]);
  });
});
