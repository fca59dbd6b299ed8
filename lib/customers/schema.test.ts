import { describe, expect, it } from "vitest";
import { zodErrors } from "@/lib/api/envelope";
import { identifierProblem, normaliseIdentifier } from "./identifiers";
import { changeIdentifierBodySchema, customerBodySchema, customerIdPathSchema, getCustomerQuerySchema, lookupQuerySchema } from "./schema";

const codesOf = (result: { success: boolean; error?: import("zod").ZodError }) => (result.error ? zodErrors(result.error, "body").map((e) => e.code) : []);

describe("customer body schema", () => {
  it("defaults loyaltyInfo to loyalty and a profile's source to INSTORE (seed bodies omit both)", () => {
    const body = customerBodySchema.parse({ profiles: [{ identifiers: [{ type: "mobile", value: "+9781027293" }] }] });
    expect(body.loyaltyInfo).toEqual({ loyaltyType: "loyalty" });
    expect(body.profiles[0]).toMatchObject({ source: "INSTORE", identifiers: [{ type: "mobile", value: "9781027293" }] });
  });

  it("reads the card type under both of the vendor's names and a source in any case", () => {
    const body = customerBodySchema.parse({ profiles: [{ source: "ecommerce", identifiers: [{ type: "card", value: "9100123" }, { type: "cardnumber", value: "9100124" }] }] });
    expect(body.profiles[0]?.source).toBe("ECOMMERCE");
    expect(body.profiles[0]?.identifiers.map((i) => i.type)).toEqual(["cardnumber", "cardnumber"]);
  });

  it("gives malformed values the vendor's codes", () => {
    const id = (type: string, value: string) => customerBodySchema.safeParse({ profiles: [{ identifiers: [{ type, value }] }] });
    expect(codesOf(id("mobile", "12-34"))).toEqual([8056]);
    expect(codesOf(id("email", "a@b"))).toEqual([8055]);
    expect(codesOf(id("externalId", "x y"))).toEqual([8064]);
    expect(codesOf(id("passport", "1"))).toEqual([8013]);
    expect(codesOf(id("mobile", "   "))).toEqual([8013]);
    expect(codesOf(customerBodySchema.safeParse({ profiles: [{ source: "ORKUT", identifiers: [] }] }))).toEqual([8012]);
  });

  it("accepts the seed's associationDetails and asks for its hierarchy and role", () => {
    const ok = customerBodySchema.safeParse({
      profiles: [{ identifiers: [{ type: "mobile", value: "9781027293" }] }],
      associationDetails: { hierarchyCode: "FLEET_HIER_001", roleCode: "Driver", fleetCompany: { name: "ABC Logistics", hierarchyDefinitionCode: "FLEET_HIER_001", externalId: "abc_logistics_001" } },
    });
    expect(ok.success).toBe(true);
    const bad = customerBodySchema.safeParse({ profiles: [{}], associationDetails: { hierarchyCode: "", roleCode: "Driver" } });
    expect(bad.error?.issues[0]?.path).toEqual(["associationDetails", "hierarchyCode"]);
  });
});

describe("identifier rules", () => {
  it("stores mobiles without +, emails in lower case", () => {
    expect(normaliseIdentifier("mobile", " +919000000499 ")).toBe("919000000499");
    expect(normaliseIdentifier("email", "Asha@Example.COM")).toBe("asha@example.com");
    expect(normaliseIdentifier("externalId", "CUST-1")).toBe("CUST-1");
  });

  it("accepts 8 to 15 digits for a mobile", () => {
    expect(identifierProblem("mobile", "9781027293")).toBeNull();
    expect(identifierProblem("mobile", "1234567")?.code).toBe(8056);
    expect(identifierProblem("mobile", "1234567890123456")?.code).toBe(8056);
  });
});

describe("query and path schemas", () => {
  it("reads numeric customer ids and refuses others with 8009", () => {
    expect(customerIdPathSchema.parse({ id: "564662499" })).toEqual({ id: 564662499 });
    for (const id of ["abc", "0", "99999999999", "-4"]) expect(codesOf(customerIdPathSchema.safeParse({ id }))).toEqual([8009]);
  });

  it("lets lookups name any lookup identifier and source=ALL", () => {
    expect(lookupQuerySchema.parse({ identifierName: "cardExternalId", identifierValue: "X", source: "all" })).toMatchObject({ identifierName: "cardExternalId", source: "ALL" });
    expect(codesOf(lookupQuerySchema.safeParse({ identifierName: "tmall_uname", identifierValue: "X" }))).toEqual([8013]);
  });

  it("splits embed into known names", () => {
    expect(getCustomerQuerySchema.parse({ embed: "mlp, points,mlp" }).embed).toEqual(["mlp", "points"]);
    expect(getCustomerQuerySchema.parse({}).embed).toEqual([]);
    expect(getCustomerQuerySchema.safeParse({ embed: "wallet" }).success).toBe(false);
  });

  it("needs something to add or remove", () => {
    expect(changeIdentifierBodySchema.safeParse({}).success).toBe(false);
    expect(changeIdentifierBodySchema.parse({ remove: [{ type: "mobile", value: "+9781027293" }] }).remove).toEqual([{ type: "mobile", value: "9781027293" }]);
  });
});
