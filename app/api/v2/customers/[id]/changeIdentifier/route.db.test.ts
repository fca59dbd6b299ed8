import { beforeAll, describe, expect, it } from "vitest";
import { testDb as db } from "@/lib/testing/db";
import { createCustomersOrg, createTillClient, mobileBody, registerTestCustomer, testMobile } from "@/lib/testing/customers-factories";
import { callRoute } from "@/lib/testing/route";
import { POST } from "./route";

type ErrorBody = { errors: { code: number; message: string }[] };
const code = (res: { body: unknown }) => (res.body as ErrorBody).errors[0]?.code;

describe("POST /v2/customers/{id}/changeIdentifier", () => {
  let fx: Awaited<ReturnType<typeof createCustomersOrg>>;
  const change = (id: number | string, body: unknown, query = "", authorization = fx.pos.authorization) =>
    callRoute(POST, `/api/v2/customers/${id}/changeIdentifier${query}`, {
      method: "POST",
      headers: { authorization, "content-type": "application/json" },
      body: JSON.stringify(body),
      params: { id: String(id) },
    });
  const identifiersOf = async (customerId: number) =>
    (await db.customerIdentifier.findMany({ where: { customerId }, orderBy: { id: "asc" }, select: { type: true, value: true, source: true } })).map((i) => `${i.source}:${i.type}:${i.value}`);
  const fresh = async () => {
    const mobile = testMobile();
    return { mobile, id: (await registerTestCustomer(fx.org.id, mobileBody(mobile))).customerId };
  };

  beforeAll(async () => {
    fx = await createCustomersOrg("CONCEPT");
  });

  it("adds and removes identifiers in one call and answers {createdId, warnings}", async () => {
    const { mobile, id } = await fresh();
    const email = `${mobile}@example.com`;
    const res = await change(id, { add: [{ type: "email", value: email }, { type: "mobile", value: `${mobile}1` }], remove: [{ type: "mobile", value: mobile }] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ createdId: id, warnings: [] });
    expect(await identifiersOf(id)).toEqual([`INSTORE:EMAIL:${email}`, `INSTORE:MOBILE:${mobile}1`]);
  });

  it("adds in a multi-account source's account", async () => {
    const { id } = await fresh();
    const res = await change(id, { add: [{ type: "wechat", value: `wx-${id}` }] }, "?source=WECHAT&accountId=WX-1");
    expect(res.status).toBe(200);
    expect(await db.customerIdentifier.findFirstOrThrow({ where: { customerId: id, type: "WECHAT" } })).toMatchObject({ source: "WECHAT", accountId: "WX-1" });
  });

  it("answers 8007 for one the customer already has, 8008 for another customer's in the source, 8053 in another source", async () => {
    const a = await fresh();
    const b = await fresh();
    expect(code(await change(a.id, { add: [{ type: "mobile", value: a.mobile }] }))).toBe(8007);
    const taken = await change(a.id, { add: [{ type: "mobile", value: b.mobile }] });
    expect(taken.status).toBe(409);
    expect(code(taken)).toBe(8008);
    await change(b.id, { add: [{ type: "email", value: `${b.mobile}@web.test` }] }, "?source=WEBSITE");
    expect(code(await change(a.id, { add: [{ type: "email", value: `${b.mobile}@web.test` }] }))).toBe(8053);
    expect(await identifiersOf(a.id)).toEqual([`INSTORE:MOBILE:${a.mobile}`]);
  });

  it("enrols a loyalty customer in the program of an added card's series (card-series MLP, seed 003)", async () => {
    const cards = await createCustomersOrg("CARD_SERIES");
    const customer = await registerTestCustomer(cards.org.id, mobileBody(testMobile()));
    const programs = async () => (await db.programEnrollment.findMany({ where: { customerId: customer.customerId } })).map((e) => e.programId).sort((x, y) => x - y);
    expect(await programs()).toEqual([cards.programs.default.id]);
    const res = await callRoute(POST, `/api/v2/customers/${customer.customerId}/changeIdentifier`, {
      method: "POST",
      headers: { authorization: cards.pos.authorization, "content-type": "application/json" },
      body: JSON.stringify({ add: [{ type: "cardnumber", value: "9100955512345" }] }),
      params: { id: String(customer.customerId) },
    });
    expect(res.status).toBe(200);
    // 91009… is the Premier series (the longer prefix), mapped to the Jewel program in this fixture.
    expect(await programs()).toEqual([cards.programs.default.id, cards.programs.jewel.id].sort((x, y) => x - y));
    const enrolment = await db.programEnrollment.findFirstOrThrow({ where: { customerId: customer.customerId, programId: cards.programs.jewel.id } });
    expect(enrolment.enrolledVia).toBe("CARD");
  });

  it("answers the other documented errors with their codes", async () => {
    const { mobile, id } = await fresh();
    expect(code(await change(2000000000, { add: [{ type: "email", value: "x@y.test" }] }))).toBe(8009);
    expect(code(await change("12x", { add: [{ type: "email", value: "x@y.test" }] }))).toBe(8009);
    expect(code(await change(id, { remove: [{ type: "email", value: "none@y.test" }] }))).toBe(8013);
    expect(code(await change(id, { add: [{ type: "cardnumber", value: "5555123412341" }] }))).toBe(8013);
    expect(code(await change(id, { remove: [{ type: "mobile", value: mobile }] }))).toBe(1007);
    expect(code(await change(id, { add: [{ type: "email", value: "bad" }] }))).toBe(8055);
    expect(code(await change(id, { add: [{ type: "mobile", value: "x1" }] }))).toBe(8056);
    expect(code(await change(id, { add: [{ type: "externalId", value: "a b" }] }))).toBe(8064);
    expect(code(await change(id, { add: [{ type: "wechat", value: "w" }] }, "?source=WECHAT"))).toBe(8045);
    expect(code(await change(id, { add: [{ type: "email", value: "q@y.test" }] }, "?accountId=A"))).toBe(8011);
    expect(code(await change(id, { add: [{ type: "email", value: "q@y.test" }] }, "?source=FRIENDSTER"))).toBe(8012);
    expect(code(await change(id, {}))).toBe(400);
    const victim = await fresh();
    await db.customer.update({ where: { id: victim.id }, data: { mergedIntoId: id } });
    expect(code(await change(victim.id, { add: [{ type: "email", value: "v@y.test" }] }))).toBe(8069);
    expect(await identifiersOf(id)).toEqual([`INSTORE:MOBILE:${mobile}`]);
  });

  it("never touches another org's customer and needs customers:write", async () => {
    const other = await createCustomersOrg("ZONE");
    const theirs = await registerTestCustomer(other.org.id, mobileBody(testMobile()));
    expect(code(await change(theirs.customerId, { add: [{ type: "email", value: "steal@y.test" }] }))).toBe(8009);
    const reader = await createTillClient(fx.org.id, null, ["customers:read"]);
    const { id } = await fresh();
    expect((await change(id, { add: [{ type: "email", value: "r@y.test" }] }, "", reader.authorization)).status).toBe(403);
  });
});
