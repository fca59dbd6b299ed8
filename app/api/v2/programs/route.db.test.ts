import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/prisma/seed";
import { basic, createApiClient, createOrg } from "@/lib/testing/factories";
import { callRoute } from "@/lib/testing/route";
import { databaseUrl } from "@/lib/env";
import { GET } from "./route";

type ProgramsBody = {
  data: { id: number; name: string; isDefault: boolean; entities: { type: string; id: number; code: string; name: string }[] }[];
  warnings: unknown[];
};
type ErrorBody = { warnings: unknown[]; errors: { status: boolean; code: number; message: string }[] };

describe("GET /v2/programs", () => {
  let otherOrgProgram: string;

  beforeAll(async () => {
    await seedDemo(databaseUrl());
    const other = await createOrg("Rival Org");
    otherOrgProgram = other.defaultProgram.name;
  });

  it("answers 401 in the error envelope without credentials", async () => {
    const res = await callRoute(GET, "/api/v2/programs");
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Basic/);
    const body = res.body as ErrorBody;
    expect(body.warnings).toEqual([]);
    expect(body.errors[0]).toMatchObject({ status: false, code: 401 });
  });

  it("answers 401 for a wrong secret and for an unknown client", async () => {
    for (const authorization of [basic("demo-pos", "not-the-secret"), basic("nobody", "demo-pos-secret"), "Bearer abc"]) {
      const res = await callRoute(GET, "/api/v2/programs", { headers: { authorization } });
      expect(res.status).toBe(401);
    }
  });

  it("lists the demo org's programs, default first, for the demo client", async () => {
    const res = await callRoute(GET, "/api/v2/programs", { headers: { authorization: basic("demo-pos", "demo-pos-secret") } });
    expect(res.status).toBe(200);
    const body = res.body as ProgramsBody;
    expect(body.data.map((p) => p.name)).toEqual(["Demo Retail Rewards", "Jewel Circle", "Trends Style Club"]);
    expect(body.data[0]?.isDefault).toBe(true);
  });

  it("summarises each program's mapped entities", async () => {
    const res = await callRoute(GET, "/api/v2/programs", { headers: { authorization: basic("demo-pos", "demo-pos-secret") } });
    const byName = new Map((res.body as ProgramsBody).data.map((p) => [p.name, p.entities]));
    expect(byName.get("Demo Retail Rewards")).toEqual([]);
    expect(byName.get("Trends Style Club")).toEqual([{ type: "CONCEPT", id: expect.any(Number), code: "TRENDS", name: "Trends" }]);
    expect(byName.get("Jewel Circle")).toEqual([{ type: "CONCEPT", id: expect.any(Number), code: "JEWEL", name: "Jewel" }]);
  });

  it("never shows another org's programs", async () => {
    const res = await callRoute(GET, "/api/v2/programs", { headers: { authorization: basic("demo-pos", "demo-pos-secret") } });
    const names = (res.body as ProgramsBody).data.map((p) => p.name);
    expect(names).not.toContain(otherOrgProgram);
  });

  it("shows a second org's client only its own programs", async () => {
    const { org, defaultProgram } = await createOrg("Second Org");
    const { authorization } = await createApiClient(org.id);
    const res = await callRoute(GET, "/api/v2/programs", { headers: { authorization } });
    expect((res.body as ProgramsBody).data.map((p) => p.name)).toEqual([defaultProgram.name]);
  });

  it("refuses a client without the programs:read scope with 403", async () => {
    const { org } = await createOrg();
    const { authorization } = await createApiClient(org.id, { scopes: [] });
    const res = await callRoute(GET, "/api/v2/programs", { headers: { authorization } });
    expect(res.status).toBe(403);
  });

  it("carries a request id on every response, echoing a valid one it was given", async () => {
    const given = await callRoute(GET, "/api/v2/programs", { headers: { "x-request-id": "pos-req-000123" } });
    expect(given.headers.get("x-request-id")).toBe("pos-req-000123");
    const made = await callRoute(GET, "/api/v2/programs");
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
