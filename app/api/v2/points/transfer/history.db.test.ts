import { beforeAll, describe, expect, it } from "vitest";
import { caller, codes } from "@/app/api/v2/userGroup2/api-test-helpers";
import { createCustomer } from "@/lib/testing/groups-factories";
import { award, createGroupWithMembers, createTransfersOrg, transfersDb } from "@/lib/testing/transfers-factories";
import { GET as CUSTOMER_TRANSFERS } from "../../customers/[id]/pointsTransfers/route";
import { POST as GROUP_TRANSFER } from "../userGroup2/transfer/route";
import { GET, POST } from "./route";

// The transfer histories (SPEC-vendor-api §D.6): both sides of each transfer, newest first, paged,
// per customer and per group; nothing of another org.

let orgId: number;
let programId: number;
let call: ReturnType<typeof caller>;
type Page = { data: { transferId: number; transferType: string; pointsTransferred: number; fromEntityType: string; toEntityType: string }[]; pagination: { total: number } };

beforeAll(async () => {
  const setup = await createTransfersOrg({ POINTS_TRANSFER_OTP_WAIVED_FOR_TRUSTED_CLIENTS: true });
  orgId = setup.orgId;
  programId = setup.defaultProgram.id;
  call = caller(setup.authorization);
  await transfersDb.trust(setup.client.id, true);
});

describe("GET /v2/points/transfer and /v2/customers/{id}/pointsTransfers", () => {
  it("lists what a customer sent and received, newest first, a page at a time", async () => {
    const [a, b] = [await createCustomer(orgId), await createCustomer(orgId)];
    const { group } = await createGroupWithMembers(orgId, [[]]);
    await award(orgId, programId, { type: "CUSTOMER", id: a.id }, 100);
    const c2c = (points: number, from: number, to: number) =>
      call(POST, "POST", "/api/v2/points/transfer", { pointsTobeTransferred: points, fromCustomerIdentifier: { type: "ID", value: String(from) }, toCustomerIdentifier: { type: "ID", value: String(to) } });
    expect((await c2c(30, a.id, b.id)).status).toBe(200);
    expect((await c2c(10, b.id, a.id)).status).toBe(200);
    const toGroup = await call(GROUP_TRANSFER, "POST", "/api/v2/points/userGroup2/transfer", {
      pointsTobeTransferred: 5, fromEntity: { type: "CUSTOMER", identifierType: "id", identifierValue: String(a.id) }, toEntity: { type: "USERGROUP2", identifierType: "id", identifierValue: String(group.id) },
    });
    expect(toGroup.status).toBe(200);

    const mine = await call(CUSTOMER_TRANSFERS, "GET", `/api/v2/customers/${a.id}/pointsTransfers`, undefined, { id: String(a.id) });
    expect(mine.status).toBe(200);
    expect((mine.body as Page).data.map((d) => [d.transferType, d.pointsTransferred])).toEqual([["DEDUCTION", 5], ["ADDITION", 10], ["DEDUCTION", 30]]);
    const second = await call(CUSTOMER_TRANSFERS, "GET", `/api/v2/customers/${a.id}/pointsTransfers?limit=1&offset=1`, undefined, { id: String(a.id) });
    expect((second.body as Page).data.map((d) => d.pointsTransferred)).toEqual([10]);
    expect((second.body as Page).pagination.total).toBe(3);

    const byMobile = await call(GET, "GET", `/api/v2/points/transfer?identifierName=mobile&identifierValue=${b.mobile}&source=INSTORE`);
    expect((byMobile.body as Page).data.map((d) => [d.transferType, d.pointsTransferred])).toEqual([["DEDUCTION", 10], ["ADDITION", 30]]);
    const groups = await call(GET, "GET", `/api/v2/points/transfer?identifierName=externalId&identifierValue=${group.externalId}&userEntityType=USERGROUP2&programId=${programId}`);
    expect((groups.body as Page).data).toMatchObject([{ transferType: "ADDITION", pointsTransferred: 5, fromEntityType: "CUSTOMER", toEntityType: "USERGROUP2" }]);
  });

  it("answers 8015, 1645 and 400 for what it cannot find or read", async () => {
    const unknown = await call(GET, "GET", "/api/v2/points/transfer?identifierName=id&identifierValue=999999999");
    expect([unknown.status, codes(unknown.body)]).toEqual([404, [8015]]);
    const noGroup = await call(GET, "GET", "/api/v2/points/transfer?identifierName=id&identifierValue=999999999&userEntityType=USERGROUP2");
    expect([noGroup.status, codes(noGroup.body)]).toEqual([404, [1645]]);
    const badName = await call(GET, "GET", "/api/v2/points/transfer?identifierName=passport&identifierValue=1");
    expect(badName.status).toBe(400);
    const noCustomer = await call(CUSTOMER_TRANSFERS, "GET", "/api/v2/customers/999999999/pointsTransfers", undefined, { id: "999999999" });
    expect([noCustomer.status, codes(noCustomer.body)]).toEqual([404, [8015]]);
    const other = await createTransfersOrg();
    const stranger = await createCustomer(other.orgId);
    const foreign = await call(CUSTOMER_TRANSFERS, "GET", `/api/v2/customers/${stranger.id}/pointsTransfers`, undefined, { id: String(stranger.id) });
    expect(foreign.status).toBe(404);
  });
});
