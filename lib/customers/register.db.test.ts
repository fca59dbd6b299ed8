import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createCustomersOrg, mobileBody, registerTestCustomer, testMobile } from "@/lib/testing/customers-factories";
import { enrollCustomer } from "./enrolment";
import { getCustomerView } from "./customer-view";
import { findCustomerByIdentifier, lookupCustomer } from "./queries";
import { registerCustomer } from "./register";
import { customerBodySchema } from "./schema";

const actor = { kind: "system", label: "test" } as const;

describe("registerCustomer in a caller's transaction", () => {
  let fx: Awaited<ReturnType<typeof createCustomersOrg>>;
  beforeAll(async () => {
    fx = await createCustomersOrg("ZONE");
  });

  it("rolls back with the caller: a later failure in the same transaction leaves no customer", async () => {
    const mobile = testMobile();
    await expect(
      db.$transaction(async (tx) => {
        await registerCustomer(tx, { orgId: fx.org.id, actor, body: customerBodySchema.parse(mobileBody(mobile)), tillId: null, singleEnroll: false });
        throw new Error("the association failed");
      }),
    ).rejects.toThrow("the association failed");
    expect(await findCustomerByIdentifier({ orgId: fx.org.id, identifierName: "mobile", identifierValue: mobile, source: "INSTORE" })).toBeNull();
  });

  it("enrols by the till's zone in a zone MLP org", async () => {
    const saved = await registerTestCustomer(fx.org.id, mobileBody(testMobile()), { tillId: fx.tills.till2.id });
    const programs = (await db.programEnrollment.findMany({ where: { customerId: saved.customerId } })).map((e) => e.programId).sort((a, b) => a - b);
    expect(programs).toEqual([fx.programs.default.id, fx.programs.jewel.id].sort((a, b) => a - b));
  });

  it("skips a mapped program that is inactive", async () => {
    await db.program.update({ where: { id: fx.programs.trends.id }, data: { active: false } });
    const saved = await registerTestCustomer(fx.org.id, mobileBody(testMobile()), { tillId: fx.tills.till1.id });
    expect((await db.programEnrollment.findMany({ where: { customerId: saved.customerId } })).map((e) => e.programId)).toEqual([fx.programs.default.id]);
    await db.program.update({ where: { id: fx.programs.trends.id }, data: { active: true } });
  });

  it("enrols later on demand (a first transaction in another program) and never twice", async () => {
    const saved = await registerTestCustomer(fx.org.id, mobileBody(testMobile()));
    const first = await db.$transaction((tx) => enrollCustomer(tx, { orgId: fx.org.id, customerId: saved.customerId, programs: [{ programId: fx.programs.trends.id, via: "TRANSACTION" }] }));
    const again = await db.$transaction((tx) => enrollCustomer(tx, { orgId: fx.org.id, customerId: saved.customerId, programs: [{ programId: fx.programs.trends.id, via: "TRANSACTION" }] }));
    expect([first, again]).toEqual([[fx.programs.trends.id], []]);
    const row = await db.programEnrollment.findFirstOrThrow({ where: { customerId: saved.customerId, programId: fx.programs.trends.id }, include: { tier: true } });
    expect(row).toMatchObject({ enrolledVia: "TRANSACTION", tier: { name: "SilverTrends" } });
  });
});

describe("findCustomerByIdentifier and lookupCustomer", () => {
  it("find by each identifier, by id, in a source or all, inside a transaction too; null or a code when absent", async () => {
    const fx = await createCustomersOrg("CONCEPT");
    const mobile = testMobile();
    const saved = await registerTestCustomer(fx.org.id, { profiles: [{ firstName: "Lee", identifiers: [{ type: "mobile", value: mobile }] }, { source: "MOBILE_APP", accountId: "APP", identifiers: [{ type: "mobilePush", value: "tok-1" }] }] });
    const base = { orgId: fx.org.id, source: "INSTORE" as const };
    expect(await findCustomerByIdentifier({ ...base, identifierName: "mobile", identifierValue: `+${mobile}` })).toMatchObject({ id: saved.customerId, firstName: "Lee", loyaltyType: "LOYALTY" });
    expect(await findCustomerByIdentifier({ ...base, identifierName: "id", identifierValue: String(saved.customerId) })).toMatchObject({ id: saved.customerId });
    expect(await findCustomerByIdentifier({ ...base, identifierName: "mobilePush", identifierValue: "tok-1" })).toBeNull();
    expect(await findCustomerByIdentifier({ ...base, source: "ALL", identifierName: "mobilePush", identifierValue: "tok-1" })).toMatchObject({ id: saved.customerId });
    const inTx = await db.$transaction((tx) => findCustomerByIdentifier({ ...base, identifierName: "mobile", identifierValue: mobile, tx }));
    expect(inTx?.id).toBe(saved.customerId);
    await expect(lookupCustomer({ ...base, identifierName: "mobilePush", identifierValue: "tok-1" })).rejects.toMatchObject({ code: 8065 });
    await expect(lookupCustomer({ ...base, identifierName: "mobile", identifierValue: "9000000000" })).rejects.toMatchObject({ code: 8015 });
    const other = await createCustomersOrg("ZONE");
    expect(await findCustomerByIdentifier({ ...base, orgId: other.org.id, identifierName: "id", identifierValue: String(saved.customerId) })).toBeNull();
  });
});

describe("getCustomerView (the console's customer page)", () => {
  it("shows identifiers and enrolments default first, and nothing of another org's customer", async () => {
    const fx = await createCustomersOrg("CONCEPT");
    const saved = await registerTestCustomer(fx.org.id, { profiles: [{ firstName: "Ola", identifiers: [{ type: "mobile", value: testMobile() }, { type: "cardnumber", value: "9100444400001" }] }] }, { tillId: fx.tills.till1.id });
    const view = await getCustomerView({ orgId: fx.org.id, customerId: saved.customerId });
    expect(view?.identifiers.map((i) => [i.type, i.cardSeries?.code ?? null])).toEqual([["MOBILE", null], ["CARD_NUMBER", "CLASSIC"]]);
    expect(view?.enrolments.map((e) => [e.programName, e.isDefault, e.tier?.name, e.nextTier?.name ?? null])).toEqual([
      [fx.programs.default.name, true, "Silver", "Gold"],
      ["Trends Style Club", false, "SilverTrends", "GoldTrends"],
    ]);
    const other = await createCustomersOrg("ZONE");
    expect(await getCustomerView({ orgId: other.org.id, customerId: saved.customerId })).toBeNull();
  });
});
