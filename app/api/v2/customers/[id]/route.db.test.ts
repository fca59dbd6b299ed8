import { beforeAll, describe, expect, it } from "vitest";
import { testDb as db } from "@/lib/testing/db";
import { createCustomersOrg, createTillClient, mobileBody, registerTestCustomer, testMobile } from "@/lib/testing/customers-factories";
import { callRoute } from "@/lib/testing/route";
import { GET, PUT } from "./route";

type ErrorBody = { errors: { code: number; message: string }[] };
type Details = {
  id: number;
  profiles: { source: string; accountId: string; firstName: string; identifiers: { type: string; value: string }[]; identifiersAll: unknown[]; userId: number }[];
  loyaltyInfo: { loyaltyType: string };
  extendedFields: Record<string, unknown>;
  cardDetails: { cardNumber: string; seriesCode: string }[];
  loyaltyProgramDetails?: { programId: number; programName: string; isDefault: boolean; currentSlab: string; nextSlab: string | null; enrolledVia: string }[];
  pointsSummary?: { currentSlab: string } | null;
  warnings: { code: number }[];
};
type Answer = { createdId: number; warnings: { code: number; message: string }[] };

describe("GET and PUT /v2/customers/{id}", () => {
  let fx: Awaited<ReturnType<typeof createCustomersOrg>>;
  let customerId: number;
  let mobile: string;
  const get = (id: number | string, query = "", authorization = fx.pos.authorization) =>
    callRoute(GET, `/api/v2/customers/${id}${query}`, { headers: { authorization }, params: { id: String(id) } });
  const put = (id: number | string, body: unknown, query = "", authorization = fx.pos.authorization) =>
    callRoute(PUT, `/api/v2/customers/${id}${query}`, {
      method: "PUT",
      headers: { authorization, "content-type": "application/json" },
      body: JSON.stringify(body),
      params: { id: String(id) },
    });
  const code = (res: { body: unknown }) => (res.body as ErrorBody).errors[0]?.code;

  beforeAll(async () => {
    fx = await createCustomersOrg("CONCEPT");
    mobile = testMobile();
    const saved = await registerTestCustomer(
      fx.org.id,
      {
        profiles: [
          { firstName: "Asha", lastName: "Raman", identifiers: [{ type: "mobile", value: mobile }, { type: "cardnumber", value: "9100777700001" }] },
          { source: "WECHAT", accountId: "WX-1", identifiers: [{ type: "wechat", value: `wx-${mobile}` }] },
        ],
        extendedFields: { gender: "Female" },
      },
      { tillId: fx.tills.till1.id },
    );
    customerId = saved.customerId;
  });

  it("shows one profile per source with its identifiers, the cards and extended fields", async () => {
    const res = await get(customerId);
    expect(res.status).toBe(200);
    const body = res.body as Details;
    expect(body.id).toBe(customerId);
    expect(body.profiles.map((p) => [p.source, p.accountId])).toEqual([["INSTORE", ""], ["WECHAT", "WX-1"]]);
    expect(body.profiles[0]?.identifiers).toEqual([{ type: "mobile", value: mobile }, expect.objectContaining({ type: "cardnumber", value: "9100777700001", seriesCode: "CLASSIC" })]);
    expect(body.profiles[0]?.identifiersAll).toHaveLength(3);
    expect(body.profiles[0]?.userId).toBe(customerId);
    expect(body.loyaltyInfo.loyaltyType).toBe("loyalty");
    expect(body.extendedFields).toEqual({ gender: "Female" });
    expect(body.cardDetails).toEqual([expect.objectContaining({ cardNumber: "9100777700001", seriesCode: "CLASSIC" })]);
    expect(body.loyaltyProgramDetails).toBeUndefined();
  });

  it("embeds the enrolments per program with embed=mlp, default first, and the points summary with embed=points", async () => {
    const res = await get(customerId, "?embed=mlp,points");
    const body = res.body as Details;
    expect(body.loyaltyProgramDetails?.map((p) => [p.programName, p.isDefault, p.currentSlab, p.nextSlab, p.enrolledVia])).toEqual([
      [fx.programs.default.name, true, "Silver", "Gold", "REGISTRATION"],
      ["Trends Style Club", false, "SilverTrends", "GoldTrends", "REGISTRATION"],
    ]);
    expect(body.pointsSummary?.currentSlab).toBe("Silver");
    const later = await get(customerId, "?embed=expirySchedules");
    expect((later.body as Details).warnings.map((w) => w.code)).toEqual([91001]);
    expect((await get(customerId, "?embed=everything")).status).toBe(400);
  });

  it("filters to one source's profile, and answers 8065 for a source the customer is not in", async () => {
    const res = await get(customerId, "?source=WECHAT");
    expect((res.body as Details).profiles.map((p) => p.source)).toEqual(["WECHAT"]);
    const none = await get(customerId, "?source=ECOMMERCE");
    expect(none.status).toBe(404);
    expect(code(none)).toBe(8065);
    expect(code(await get(customerId, "?source=MYSPACE"))).toBe(8012);
  });

  it("answers 8015 for an unknown id or another org's customer, 8009 for a malformed id, 8069 for a merged one", async () => {
    expect(code(await get(2000000000))).toBe(8015);
    const other = await createCustomersOrg("ZONE");
    const foreign = await registerTestCustomer(other.org.id, mobileBody(testMobile()));
    const res = await get(foreign.customerId);
    expect(res.status).toBe(404);
    expect(code(res)).toBe(8015);
    expect(code(await get("abc"))).toBe(8009);
    const victim = await registerTestCustomer(fx.org.id, mobileBody(testMobile()));
    await db.customer.update({ where: { id: victim.customerId }, data: { mergedIntoId: customerId } });
    expect(code(await get(victim.customerId))).toBe(8069);
    expect(code(await put(victim.customerId, mobileBody(testMobile())))).toBe(8069);
  });

  it("updates names, fields and extended fields; identifiers do not change (warning 91006)", async () => {
    const res = await put(customerId, {
      profiles: [{ firstName: "Asha R.", fields: { tshirt: "M" }, identifiers: [{ type: "mobile", value: mobile }, { type: "email", value: "new@example.com" }] }],
      extendedFields: { gender: "Other", kids: 1 },
    });
    expect(res.status).toBe(200);
    const answer = res.body as Answer;
    expect(answer.createdId).toBe(customerId);
    expect(answer.warnings.map((w) => w.code)).toEqual([91006]);
    const customer = await db.customer.findUniqueOrThrow({ where: { id: customerId }, include: { identifiers: true } });
    expect(customer).toMatchObject({ firstName: "Asha R.", lastName: "Raman", extendedFields: { gender: "Other", kids: 1 }, profileFields: { tshirt: "M" } });
    expect(customer.identifiers.map((i) => i.value)).not.toContain("new@example.com");
  });

  it("never changes an enrolment, adds new ones, and enrols everywhere with mlp_single_enroll", async () => {
    const repeat = await put(customerId, { profiles: [{}], loyaltyProgramEnrollments: [{ programId: fx.programs.default.id, tierNumber: 2 }] });
    expect((repeat.body as Answer).warnings.map((w) => w.code)).toEqual([91006]);
    const tier = await db.programEnrollment.findFirstOrThrow({ where: { customerId, programId: fx.programs.default.id }, select: { tier: { select: { name: true } } } });
    expect(tier.tier?.name).toBe("Silver");
    await put(customerId, { profiles: [{}] }, "?mlp_single_enroll=true");
    const programs = (await db.programEnrollment.findMany({ where: { customerId } })).map((e) => e.programId).sort((a, b) => a - b);
    expect(programs).toEqual([fx.programs.default.id, fx.programs.trends.id, fx.programs.jewel.id].sort((a, b) => a - b));
  });

  it("refuses loyalty → non_loyalty (1046) and enrols a non_loyalty customer who becomes loyalty", async () => {
    const res = await put(customerId, { loyaltyInfo: { loyaltyType: "non_loyalty" }, profiles: [{}] });
    expect(res.status).toBe(422);
    expect(code(res)).toBe(1046);
    const plain = await registerTestCustomer(fx.org.id, mobileBody(testMobile(), { loyaltyInfo: { loyaltyType: "non_loyalty" } }), { tillId: fx.tills.till2.id });
    expect(await db.programEnrollment.count({ where: { customerId: plain.customerId } })).toBe(0);
    const converted = await put(plain.customerId, { loyaltyInfo: { loyaltyType: "loyalty" }, profiles: [{}] });
    expect(converted.status).toBe(200);
    const programs = (await db.programEnrollment.findMany({ where: { customerId: plain.customerId } })).map((e) => e.programId).sort((a, b) => a - b);
    expect(programs).toEqual([fx.programs.default.id, fx.programs.jewel.id].sort((a, b) => a - b));
  });

  it("answers the update errors with their codes and changes nothing", async () => {
    expect(code(await put(2000000000, mobileBody(testMobile())))).toBe(8009);
    expect(code(await put(customerId, { profiles: [{}], extendedFields: { nope: 1 } }))).toBe(1017);
    expect(code(await put(customerId, { profiles: [{}], loyaltyProgramEnrollments: [{ programId: 999999 }] }))).toBe(1213);
    expect(code(await put(customerId, { profiles: [{ source: "WECHAT", identifiers: [] }] }))).toBe(8045);
    expect(code(await put(customerId, { profiles: [{ accountId: "x" }] }))).toBe(8011);
    expect(code(await put(customerId, { profiles: [{ commChannels: [{ type: "fax", value: "1" }] }] }))).toBe(8010);
    expect(code(await put(customerId, { profiles: [{ commChannels: [{ type: "email", value: "bad" }] }] }))).toBe(8057);
    expect(code(await put(customerId, { profiles: [{ commChannels: [{ type: "mobile", value: "1" }] }] }))).toBe(8058);
    expect(code(await put(customerId, { profiles: [{ identifiers: [{ type: "email", value: "bad" }] }] }))).toBe(8055);
    expect(code(await put(customerId, { profiles: [{ identifiers: [{ type: "mobile", value: "bad" }] }] }))).toBe(8056);
    // A refused update leaves the first name as it was.
    await put(customerId, { profiles: [{ firstName: "Changed" }], extendedFields: { gender: "Alien" } });
    expect((await db.customer.findUniqueOrThrow({ where: { id: customerId } })).firstName).toBe("Asha R.");
  });

  it("needs customers:read to read and customers:write to update", async () => {
    const writer = await createTillClient(fx.org.id, null, ["customers:write"]);
    expect((await get(customerId, "", writer.authorization)).status).toBe(403);
    const reader = await createTillClient(fx.org.id, null, ["customers:read"]);
    expect((await put(customerId, { profiles: [{}] }, "", reader.authorization)).status).toBe(403);
  });
});
