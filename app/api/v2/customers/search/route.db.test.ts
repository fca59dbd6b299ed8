import { beforeAll, describe, expect, it } from "vitest";
import { createCustomersOrg, createTillClient, registerTestCustomer } from "@/lib/testing/customers-factories";
import { callRoute } from "@/lib/testing/route";
import { GET } from "./route";

type SearchBody = {
  pagination: { limit: number; offset: number; total: number };
  data: { userId: number; matchedIdentifiers: { idType: string; idValue: string; source: string }[]; profiles: { source: string; firstName: string }[] }[];
};

describe("GET /v2/customers/search", () => {
  let fx: Awaited<ReturnType<typeof createCustomersOrg>>;
  const ids: number[] = [];
  const search = async (query: string, authorization = fx.pos.authorization) => callRoute(GET, `/api/v2/customers/search?${query}`, { headers: { authorization } });
  const found = async (query: string) => ((await search(query)).body as SearchBody).data.map((d) => d.userId);

  beforeAll(async () => {
    fx = await createCustomersOrg("CONCEPT");
    for (const [first, last, mobile, email] of [
      ["Asha", "Raman", "9811100001", "asha@example.com"],
      ["Ashok", "Kumar", "9811100002", "ashok@example.com"],
      ["Ben", "Ashworth", "9822200003", "ben@example.com"],
    ] as const) {
      ids.push((await registerTestCustomer(fx.org.id, { profiles: [{ firstName: first, lastName: last, identifiers: [{ type: "mobile", value: mobile }, { type: "email", value: email }] }] })).customerId);
    }
    await registerTestCustomer(fx.org.id, { profiles: [{ source: "ECOMMERCE", firstName: "Web", identifiers: [{ type: "externalId", value: "WEB-ASH-9" }] }] }).then((r) => ids.push(r.customerId));
    const other = await createCustomersOrg("ZONE");
    await registerTestCustomer(other.org.id, { profiles: [{ firstName: "Asha", identifiers: [{ type: "mobile", value: "9811100009" }] }] });
  });

  it("matches the start of names and identifiers, case-insensitively, in every source", async () => {
    expect(await found("q=ash")).toEqual([ids[0], ids[1], ids[2]]);
    expect(await found("q=WEB-ash")).toEqual([ids[3]]);
    expect(await found("q=Asha%20Ra")).toEqual([ids[0]]);
    const byMobile = (await search("q=%2B98111")).body as SearchBody;
    expect(byMobile.data.map((d) => d.userId)).toEqual([ids[0], ids[1]]);
    expect(byMobile.data[0]?.matchedIdentifiers).toEqual([{ idType: "mobile", idValue: "9811100001", source: "INSTORE", accountId: "" }]);
    expect(byMobile.data[0]?.profiles).toEqual([{ source: "INSTORE", firstName: "Asha", lastName: "Raman" }]);
  });

  it("finds a customer by id and never another org's", async () => {
    expect(await found(`q=${ids[2]}`)).toEqual([ids[2]]);
    expect(await found("q=9811100009")).toEqual([]);
  });

  it("pages with limit and offset and reports the total", async () => {
    const page = (await search("q=ash&limit=2&offset=1")).body as SearchBody;
    expect(page.pagination).toEqual({ limit: 2, offset: 1, total: 3 });
    expect(page.data.map((d) => d.userId)).toEqual([ids[1], ids[2]]);
  });

  it("needs q and a sane limit, and the customers:read scope", async () => {
    expect((await search("q=")).status).toBe(400);
    expect((await search("q=a&limit=500")).status).toBe(400);
    const writer = await createTillClient(fx.org.id, null, ["customers:write"]);
    expect((await search("q=ash", writer.authorization)).status).toBe(403);
  });
});
