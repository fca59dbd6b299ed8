import { beforeAll, describe, expect, it } from "vitest";
import { testDb as db } from "@/lib/testing/db";
import { databaseUrl } from "@/lib/env";
import { basic } from "@/lib/testing/factories";
import { createCustomersOrg, mobileBody, registerTestCustomer, testMobile } from "@/lib/testing/customers-factories";
import { callRoute } from "@/lib/testing/route";
import { seedDemo } from "@/prisma/seed";
import { GET, PUT } from "./route";

type ErrorBody = { errors: { code: number; message: string }[] };
const code = (res: { body: unknown }) => (res.body as ErrorBody).errors[0]?.code;
const DEMO_POS = basic("demo-pos", "demo-pos-secret");

describe("GET and PUT /v2/customers/lookup", () => {
  let fx: Awaited<ReturnType<typeof createCustomersOrg>>;
  let customerId: number;
  let mobile: string;
  const get = (query: string, authorization = fx.pos.authorization) => callRoute(GET, `/api/v2/customers/lookup?${query}`, { headers: { authorization } });
  const put = (query: string, body: string, authorization = fx.pos.authorization) =>
    callRoute(PUT, `/api/v2/customers/lookup?${query}`, { method: "PUT", headers: { authorization, "content-type": "application/json" }, body });

  beforeAll(async () => {
    await seedDemo(databaseUrl());
    fx = await createCustomersOrg("CONCEPT");
    mobile = testMobile();
    customerId = (
      await registerTestCustomer(fx.org.id, {
        profiles: [
          { identifiers: [{ type: "mobile", value: mobile }, { type: "externalId", value: `EXT-${mobile}` }, { type: "cardnumber", value: `9100${mobile}` }] },
          { source: "ECOMMERCE", identifiers: [{ type: "email", value: `${mobile}@shop.test` }] },
        ],
      })
    ).customerId;
  });

  it("answers {entity} for each identifier the lookup accepts, a mobile with or without +", async () => {
    for (const query of [
      `identifierName=mobile&identifierValue=${mobile}`,
      `identifierName=mobile&identifierValue=%2B${mobile}&source=INSTORE`,
      `identifierName=externalId&identifierValue=EXT-${mobile}`,
      `identifierName=cardnumber&identifierValue=9100${mobile}`,
      `identifierName=email&identifierValue=${mobile.toUpperCase()}%40SHOP.TEST&source=ECOMMERCE`,
      `identifierName=email&identifierValue=${mobile}%40shop.test&source=ALL`,
    ]) {
      const res = await get(query);
      expect(res.status, query).toBe(200);
      expect(res.body).toEqual({ entity: customerId, warnings: [] });
    }
  });

  it("answers 8065 when the identifier is only in another source, 8015 when nowhere", async () => {
    const elsewhere = await get(`identifierName=email&identifierValue=${mobile}%40shop.test&source=INSTORE`);
    expect(elsewhere.status).toBe(404);
    expect(code(elsewhere)).toBe(8065);
    const nowhere = await get("identifierName=mobile&identifierValue=9000000001");
    expect(nowhere.status).toBe(404);
    expect(code(nowhere)).toBe(8015);
  });

  it("answers 8013 for an unknown identifier name, 8012 for a bad source, 8045/8011 for accounts, 8069 for a merged customer", async () => {
    expect(code(await get(`identifierName=passport&identifierValue=1`))).toBe(8013);
    expect(code(await get(`identifierName=mobile&identifierValue=${mobile}&source=ORKUT`))).toBe(8012);
    expect(code(await get(`identifierName=wechat&identifierValue=wx&source=WECHAT`))).toBe(8045);
    expect(code(await get(`identifierName=mobile&identifierValue=${mobile}&source=INSTORE&accountId=A1`))).toBe(8011);
    expect(code(await get(`identifierName=mobile`))).toBe(400);
    const victim = await registerTestCustomer(fx.org.id, mobileBody(testMobile()));
    const victimMobile = (await db.customerIdentifier.findFirstOrThrow({ where: { customerId: victim.customerId } })).value;
    await db.customer.update({ where: { id: victim.customerId }, data: { mergedIntoId: customerId } });
    expect(code(await get(`identifierName=mobile&identifierValue=${victimMobile}`))).toBe(8069);
  });

  it("never finds another org's customer", async () => {
    const other = await createCustomersOrg("ZONE");
    const theirs = testMobile();
    await registerTestCustomer(other.org.id, mobileBody(theirs));
    expect(code(await get(`identifierName=mobile&identifierValue=${theirs}`))).toBe(8015);
  });

  it("updates the customer an identifier names; the update lookup takes mobile, email and externalId only", async () => {
    const res = await put(`identifierName=externalId&identifierValue=EXT-${mobile}`, JSON.stringify({ profiles: [{ lastName: "Updated" }] }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ createdId: customerId, warnings: [] });
    expect((await db.customer.findUniqueOrThrow({ where: { id: customerId } })).lastName).toBe("Updated");
    expect(code(await put(`identifierName=cardnumber&identifierValue=9100${mobile}`, "{}"))).toBe(8013);
    expect(code(await put(`identifierName=mobile&identifierValue=9000000002`, JSON.stringify({ profiles: [{}] })))).toBe(8015);
    expect(code(await put(`identifierName=email&identifierValue=${mobile}%40shop.test`, JSON.stringify({ profiles: [{}] })))).toBe(8065);
    expect(code(await put(`identifierName=mobile&identifierValue=${mobile}&source=NOPE`, JSON.stringify({ profiles: [{}] })))).toBe(8012);
  });

  it("takes seed 000's driver and store-owner bodies verbatim against the demo org's customers", async () => {
    const driver = `{\n"profiles": [\n{\n"identifiers": [\n{\n"type": "mobile",\n"value": "9781027293"\n}\n]\n}\n],\n"associationDetails": {\n"hierarchyCode": "FLEET_HIER_001",\n"roleCode": "Driver",\n"fleetCompany": {\n"name": "ABC Logistics",\n"hierarchyDefinitionCode": "FLEET_HIER_001",\n"externalId": "abc_logistics_001"\n}\n}\n}`;
    const owner = `{\n"profiles": [\n{\n"identifiers": [\n{\n"type": "mobile",\n"value": "9876543210"\n}\n]\n}\n],\n"associationDetails": {\n"hierarchyCode": "DIST_HIER_001",\n"roleCode": "StoreOwner",\n"fleetCompany": {\n"name": "North Region Distributors",\n"hierarchyDefinitionCode": "DIST_HIER_001",\n"externalId": "north_region_001"\n}\n}\n}`;
    const a = await put("identifierName=mobile&identifierValue=9781027293&source=INSTORE", driver, DEMO_POS);
    expect(a.status).toBe(200);
    expect((a.body as { createdId: number }).createdId).toBe(564662500);
    const b = await put("identifierName=mobile&identifierValue=9876543210&source=INSTORE", owner, DEMO_POS);
    expect((b.body as { createdId: number }).createdId).toBe(564662501);
    const seeded = await get("identifierName=mobile&identifierValue=9781027293", DEMO_POS);
    expect(seeded.body).toEqual({ entity: 564662500, warnings: [] });
  });
});
