import { beforeAll, describe, expect, it } from "vitest";
import { testDb as db } from "@/lib/testing/db";
import { createCustomersOrg, createTillClient, mobileBody, registerTestCustomer, testMobile } from "@/lib/testing/customers-factories";
import { createSeedFleets } from "@/lib/testing/groups-factories";
import { callRoute } from "@/lib/testing/route";
import { POST } from "./route";

type Answer = { createdId: number; warnings: { code: number; message: string }[]; sideEffects: unknown[] };
type ErrorBody = { errors: { code: number; message: string; field?: string }[] };

// Seed 000's association bodies, verbatim.
const DRIVER_BODY = `{
"profiles": [
{
"identifiers": [
{
"type": "mobile",
"value": "9781027293"
}
]
}
],
"associationDetails": {
"hierarchyCode": "FLEET_HIER_001",
"roleCode": "Driver",
"fleetCompany": {
"name": "ABC Logistics",
"hierarchyDefinitionCode": "FLEET_HIER_001",
"externalId": "abc_logistics_001"
}
}
}`;
const STORE_OWNER_BODY = `{
"profiles": [
{
"identifiers": [
{
"type": "mobile",
"value": "9876543210"
}
]
}
],
"associationDetails": {
"hierarchyCode": "DIST_HIER_001",
"roleCode": "StoreOwner",
"fleetCompany": {
"name": "North Region Distributors",
"hierarchyDefinitionCode": "DIST_HIER_001",
"externalId": "north_region_001"
}
}
}`;

describe("POST /v2/customers", () => {
  let fx: Awaited<ReturnType<typeof createCustomersOrg>>;
  const post = (body: unknown, { query = "", authorization = fx.pos.authorization } = {}) =>
    callRoute(POST, `/api/v2/customers${query}`, {
      method: "POST",
      headers: { authorization, "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  const expectError = async (body: unknown, status: number, code: number, query = "") => {
    const res = await post(body, { query });
    expect(res.status).toBe(status);
    expect((res.body as ErrorBody).errors.map((e) => e.code)).toContain(code);
    return (res.body as ErrorBody).errors.find((e) => e.code === code);
  };
  const enrolments = async (customerId: number) =>
    (await db.programEnrollment.findMany({ where: { customerId }, select: { programId: true, enrolledVia: true, tier: { select: { name: true } } } }))
      .sort((a, b) => a.programId - b.programId);

  beforeAll(async () => {
    fx = await createCustomersOrg("CONCEPT");
    await createSeedFleets(fx.org.id);
  });

  it("registers seed 000's driver and store-owner bodies verbatim, defaulting loyaltyType and source", async () => {
    for (const [body, mobile] of [[DRIVER_BODY, "9781027293"], [STORE_OWNER_BODY, "9876543210"]] as const) {
      const res = await post(body);
      expect(res.status).toBe(200);
      const answer = res.body as Answer;
      expect(answer.createdId).toBeGreaterThan(570000000);
      expect(answer.sideEffects).toEqual([]);
      const customer = await db.customer.findUniqueOrThrow({ where: { id: answer.createdId }, include: { identifiers: true } });
      expect(customer).toMatchObject({ orgId: fx.org.id, loyaltyType: "LOYALTY", registeredVia: "INSTORE", registeredTill: fx.tills.till1.id });
      expect(customer.identifiers).toEqual([expect.objectContaining({ type: "MOBILE", value: mobile, source: "INSTORE", accountId: "" })]);
    }
  });

  it("enrols in the default program and the registering till's program only", async () => {
    const res = await post(mobileBody(testMobile()));
    const id = (res.body as Answer).createdId;
    expect(await enrolments(id)).toEqual([
      { programId: fx.programs.default.id, enrolledVia: "REGISTRATION", tier: { name: "Silver" } },
      { programId: fx.programs.trends.id, enrolledVia: "REGISTRATION", tier: { name: "SilverTrends" } },
    ]);
  });

  it("enrols in every active program with mlp_single_enroll=true", async () => {
    const res = await post(mobileBody(testMobile()), { query: "?mlp_single_enroll=true" });
    const ids = (await enrolments((res.body as Answer).createdId)).map((e) => e.programId);
    expect(ids).toEqual([fx.programs.default.id, fx.programs.trends.id, fx.programs.jewel.id].sort((a, b) => a - b));
  });

  it("takes associatedWith as the registering till and enrols in its program", async () => {
    const res = await post(mobileBody(testMobile(), { associatedWith: "TILL-002" }));
    const ids = (await enrolments((res.body as Answer).createdId)).map((e) => e.programId);
    expect(ids).toEqual([fx.programs.default.id, fx.programs.jewel.id].sort((a, b) => a - b));
  });

  it("enrols in a requested program at the requested tier, and warns that opening points are not imported (1010)", async () => {
    const res = await post(mobileBody(testMobile(), { loyaltyProgramEnrollments: [{ programId: fx.programs.default.id, tierNumber: 2, loyaltyPoints: 50 }] }));
    expect(res.status).toBe(200);
    const answer = res.body as Answer;
    expect(answer.warnings.map((w) => w.code)).toEqual([1010]);
    expect((await enrolments(answer.createdId))[0]).toMatchObject({ programId: fx.programs.default.id, tier: { name: "Gold" } });
  });

  it("registers a non-loyalty customer without enrolling them", async () => {
    const res = await post(mobileBody(testMobile(), { loyaltyInfo: { loyaltyType: "non_loyalty" } }));
    expect(res.status).toBe(200);
    expect(await enrolments((res.body as Answer).createdId)).toEqual([]);
  });

  it("stores checked extended fields, custom fields and names", async () => {
    const body = {
      profiles: [{ firstName: "Mia", lastName: "Kent", fields: { favourite_store: "North" }, identifiers: [{ type: "email", value: "Mia.Kent@Example.com" }] }],
      extendedFields: { gender: "Female", kids: "2", dob: "1990-04-01" },
    };
    const res = await post(body);
    expect(res.status).toBe(200);
    const customer = await db.customer.findUniqueOrThrow({ where: { id: (res.body as Answer).createdId }, include: { identifiers: true } });
    expect(customer).toMatchObject({ firstName: "Mia", lastName: "Kent", extendedFields: { gender: "Female", kids: 2, dob: "1990-04-01" }, profileFields: { favourite_store: "North" } });
    expect(customer.identifiers[0]?.value).toBe("mia.kent@example.com");
  });

  it("puts a card in its series by prefix, in a named series, and refuses cards outside an active series (8013)", async () => {
    const byPrefix = await post(mobileBody(testMobile(), { profiles: [{ identifiers: [{ type: "cardnumber", value: "9100123400001" }] }] }));
    expect(byPrefix.status).toBe(200);
    const card = await db.customerIdentifier.findFirstOrThrow({ where: { customerId: (byPrefix.body as Answer).createdId } });
    expect(card).toMatchObject({ type: "CARD_NUMBER", cardSeriesId: fx.cardSeries.classic.id, status: "ACTIVE" });

    const named = await post({ profiles: [{ identifiers: [{ type: "card", value: "9100955500002", seriesCode: "PREMIER", statusLabel: "NEW" }] }] });
    expect(named.status).toBe(200);
    expect(await db.customerIdentifier.findFirstOrThrow({ where: { customerId: (named.body as Answer).createdId } })).toMatchObject({ cardSeriesId: fx.cardSeries.premier.id, status: "NEW" });

    expect((await expectError({ profiles: [{ identifiers: [{ type: "cardnumber", value: "5555000011112" }] }] }, 400, 8013))?.message).toMatch(/not in any active card series/);
    expect((await expectError({ profiles: [{ identifiers: [{ type: "cardnumber", value: "5555000011113", seriesCode: "CLASSIC" }] }] }, 400, 8013))?.message).toMatch(/prefix 9100/);
    expect((await expectError({ profiles: [{ identifiers: [{ type: "cardnumber", value: "9100000011114", seriesCode: "GOLDEN" }] }] }, 400, 8013))?.message).toMatch(/not declared/);
    await db.cardSeries.update({ where: { id: fx.cardSeries.premier.id }, data: { active: false } });
    expect((await expectError({ profiles: [{ identifiers: [{ type: "cardnumber", value: "9100955500005", seriesId: fx.cardSeries.premier.id }] }] }, 400, 8013))?.message).toMatch(/not active/);
    await db.cardSeries.update({ where: { id: fx.cardSeries.premier.id }, data: { active: true } });
  });

  it("refuses an identifier taken in the same source (8007) and changes nothing", async () => {
    const mobile = testMobile();
    await registerTestCustomer(fx.org.id, mobileBody(mobile));
    const before = await db.customer.count({ where: { orgId: fx.org.id } });
    const error = await expectError(mobileBody(mobile, { profiles: [{ identifiers: [{ type: "mobile", value: `+${mobile}` }, { type: "email", value: "new@example.com" }] }] }), 409, 8007);
    expect(error?.message).toMatch(new RegExp(`mobile ${mobile} in INSTORE`));
    expect(await db.customer.count({ where: { orgId: fx.org.id } })).toBe(before);
    expect(await db.customerIdentifier.count({ where: { orgId: fx.org.id, value: "new@example.com" } })).toBe(0);
  });

  it("attaches a new source to the customer who holds the identifier in another source (warning 8050)", async () => {
    const mobile = testMobile();
    const existing = await registerTestCustomer(fx.org.id, mobileBody(mobile));
    const res = await post({ profiles: [{ source: "ECOMMERCE", firstName: "Other", identifiers: [{ type: "mobile", value: mobile }, { type: "email", value: `${mobile}@shop.test` }] }] });
    expect(res.status).toBe(200);
    const answer = res.body as Answer;
    expect(answer.createdId).toBe(existing.customerId);
    expect(answer.warnings.map((w) => w.code)).toEqual([8050]);
    const sources = await db.customerIdentifier.findMany({ where: { customerId: existing.customerId }, select: { source: true, type: true } });
    expect(sources).toEqual(expect.arrayContaining([{ source: "INSTORE", type: "MOBILE" }, { source: "ECOMMERCE", type: "MOBILE" }, { source: "ECOMMERCE", type: "EMAIL" }]));
    // Register never updates the existing customer's profile.
    expect((await db.customer.findUniqueOrThrow({ where: { id: existing.customerId } })).firstName).toBe("Test");
  });

  it("refuses identifiers of two different customers (8053)", async () => {
    const [a, b] = [testMobile(), `${testMobile()}@x.test`];
    await registerTestCustomer(fx.org.id, mobileBody(a));
    await registerTestCustomer(fx.org.id, { profiles: [{ identifiers: [{ type: "email", value: b }] }] });
    await expectError({ profiles: [{ source: "WEBSITE", identifiers: [{ type: "mobile", value: a }, { type: "email", value: b }] }] }, 409, 8053);
  });

  it("answers every documented input error with its code", async () => {
    await expectError({ profiles: [{ firstName: "No ids" }] }, 400, 1007);
    await expectError({ loyaltyInfo: { loyaltyType: "non_loyalty" }, profiles: [{ identifiers: [{ type: "externalId", value: "X-1" }] }] }, 400, 1045);
    expect((await expectError(mobileBody(testMobile(), { extendedFields: { shoe_size: 42 } }), 400, 1017))?.field).toBe("extendedFields.shoe_size");
    await expectError(mobileBody(testMobile(), { extendedFields: { gender: "Unknown" } }), 400, 1017);
    await expectError(mobileBody(testMobile(), { extendedFields: { kids: "many" } }), 400, 1017);
    await expectError(mobileBody(testMobile(), { extendedFields: { retired_flag: true } }), 400, 1017);
    await expectError(mobileBody(testMobile(), { extendedFields: { member_card_swiped: "Yes" } }), 400, 1017);
    await expectError(mobileBody(testMobile(), { loyaltyProgramEnrollments: [{ programId: 999999 }] }), 400, 1213);
    await expectError(mobileBody(testMobile(), { loyaltyProgramEnrollments: [{ programId: fx.programs.jewel.id, tierNumber: 7 }] }), 400, 1023);
    await expectError({ profiles: [{ identifiers: [{ type: "mobile", value: testMobile() }], commChannels: [{ type: "pigeon", value: "x" }] }] }, 400, 8010);
    await expectError({ profiles: [{ source: "INSTORE", accountId: "acc-1", identifiers: [{ type: "mobile", value: testMobile() }] }] }, 400, 8011);
    expect((await expectError({ profiles: [{ source: "MYSPACE", identifiers: [{ type: "mobile", value: testMobile() }] }] }, 400, 8012))?.field).toBe("profiles.0.source");
    await expectError({ profiles: [{ identifiers: [{ type: "passport", value: "P123" }] }] }, 400, 8013);
    await expectError({ profiles: [{ source: "WECHAT", identifiers: [{ type: "wechat", value: "wx-1" }] }] }, 400, 8045);
    await expectError({ profiles: [{ identifiers: [{ type: "email", value: "not-an-email" }] }] }, 400, 8055);
    expect((await expectError({ profiles: [{ identifiers: [{ type: "mobile", value: "12ab" }] }] }, 400, 8056))?.field).toBe("profiles.0.identifiers.0.value");
    await expectError({ profiles: [{ identifiers: [{ type: "mobile", value: testMobile() }], commChannels: [{ type: "email", value: "nope" }] }] }, 400, 8057);
    await expectError({ profiles: [{ identifiers: [{ type: "mobile", value: testMobile() }], commChannels: [{ type: "mobile", value: "12" }] }] }, 400, 8058);
    await expectError({ profiles: [{ identifiers: [{ type: "externalId", value: "has spaces in it" }] }] }, 400, 8064);
    await expectError(mobileBody(testMobile(), { associatedWith: "TILL-404" }), 400, 91020);
    await expectError({ profiles: [] }, 400, 400);
    await expectError("{not json", 400, 400);
  });

  it("registers a multi-account source's identifier in its account", async () => {
    const res = await post({ profiles: [{ source: "WECHAT", accountId: "WX-OFFICIAL", identifiers: [{ type: "wechat", value: "wx-user-1" }] }] });
    expect(res.status).toBe(200);
    expect(await db.customerIdentifier.findFirstOrThrow({ where: { customerId: (res.body as Answer).createdId } })).toMatchObject({ source: "WECHAT", accountId: "WX-OFFICIAL", type: "WECHAT" });
  });

  it("needs the customers:write scope and valid credentials", async () => {
    const reader = await createTillClient(fx.org.id, null, ["customers:read"]);
    const res = await post(mobileBody(testMobile()), { authorization: reader.authorization });
    expect(res.status).toBe(403);
    expect((await post(mobileBody(testMobile()), { authorization: "Basic bm86bm8=" })).status).toBe(401);
  });

  it("lets exactly one of two simultaneous registrations of one mobile win; the other gets 8007", async () => {
    const mobile = testMobile();
    const results = await Promise.all([post(mobileBody(mobile)), post(mobileBody(mobile))]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((results.find((r) => r.status === 409)?.body as ErrorBody).errors[0]?.code).toBe(8007);
    expect(await db.customerIdentifier.count({ where: { orgId: fx.org.id, value: mobile } })).toBe(1);
  });
});
