import { describe, expect, it } from "vitest";
import { API_SCOPES } from "@/lib/auth/scopes";
import { createApiClientSchema } from "./api-clients-schema";

describe("createApiClientSchema", () => {
  it("accepts a name, no till and scopes, and drops duplicate scopes", () => {
    const parsed = createApiClientSchema.parse({ name: "  Web shop  ", tillId: "", scopes: ["programs:read", "programs:read"] });
    expect(parsed).toEqual({ name: "Web shop", tillId: null, scopes: ["programs:read"] });
  });

  it("reads a till id from the select's text value", () => {
    expect(createApiClientSchema.parse({ name: "POS", tillId: "7", scopes: ["points:write"] }).tillId).toBe(7);
  });

  it("says what is wrong with an empty or long name", () => {
    const empty = createApiClientSchema.safeParse({ name: "  ", tillId: "", scopes: ["programs:read"] });
    expect(empty.error?.issues[0]?.message).toMatch(/Enter a name/);
    const long = createApiClientSchema.safeParse({ name: "x".repeat(101), tillId: "", scopes: ["programs:read"] });
    expect(long.error?.issues[0]?.message).toMatch(/100 characters/);
  });

  it("needs at least one known scope", () => {
    expect(createApiClientSchema.safeParse({ name: "POS", tillId: "", scopes: [] }).error?.issues[0]?.message).toMatch(/at least one scope/);
    expect(createApiClientSchema.safeParse({ name: "POS", tillId: "", scopes: ["admin:all"] }).success).toBe(false);
  });

  it("lists the scopes the /v2 routes and the demo client use, each described", () => {
    const names = API_SCOPES.map((s) => s.scope);
    expect(names).toEqual(expect.arrayContaining(["programs:read", "transactions:write", "groups:write", "points:write", "customers:read"]));
    for (const s of API_SCOPES) expect(s.description.length).toBeGreaterThan(10);
  });
});
