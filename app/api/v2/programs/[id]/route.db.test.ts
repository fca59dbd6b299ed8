import { beforeAll, describe, expect, it } from "vitest";
import { databaseUrl } from "@/lib/env";
import { basic, createApiClient, createOrg } from "@/lib/testing/factories";
import { callRoute } from "@/lib/testing/route";
import { seedDemo } from "@/prisma/seed";
import { GET as LIST } from "../route";
import { GET } from "./route";

type ProgramBody = {
  data: {
    id: number;
    name: string;
    isDefault: boolean;
    active: boolean;
    entities: { type: string; id: number; code: string; name: string }[];
    tiers: { number: number; name: string; threshold: number }[];
    contributorsCount: number;
  };
  warnings: unknown[];
};
type ErrorBody = { warnings: unknown[]; errors: { status: boolean; code: number; message: string; field?: string }[] };

const demo = { authorization: basic("demo-pos", "demo-pos-secret") };
const get = (id: string, headers: Record<string, string> = demo) => callRoute(GET, `/api/v2/programs/${id}`, { headers, params: { id } });

describe("GET /v2/programs/{id}", () => {
  let trendsId: number;
  let rivalProgramId: number;

  beforeAll(async () => {
    await seedDemo(databaseUrl());
    const rival = await createOrg("Rival");
    rivalProgramId = rival.defaultProgram.id;
    const list = await callRoute(LIST, "/api/v2/programs", { headers: demo });
    const trends = (list.body as { data: { id: number; name: string }[] }).data.find((p) => p.name === "Trends Style Club");
    trendsId = trends?.id ?? 0;
  });

  it("answers 401 in the error envelope without credentials", async () => {
    const res = await get(String(trendsId), {});
    expect(res.status).toBe(401);
    expect((res.body as ErrorBody).errors[0]).toMatchObject({ status: false, code: 401 });
  });

  it("shows a program of the caller's org with entities, tiers and contributors count", async () => {
    const res = await get(String(trendsId));
    expect(res.status).toBe(200);
    const { data } = res.body as ProgramBody;
    expect(data).toMatchObject({ id: trendsId, name: "Trends Style Club", isDefault: false, active: true, contributorsCount: 1 });
    expect(data.entities).toEqual([{ type: "CONCEPT", id: expect.any(Number), code: "TRENDS", name: "Trends" }]);
    expect(data.tiers).toEqual([
      { number: 1, name: "SilverTrends", threshold: 0 },
      { number: 2, name: "GoldTrends", threshold: 3000 },
    ]);
  });

  it("answers 404 for an unknown program", async () => {
    const res = await get("999999");
    expect(res.status).toBe(404);
    expect((res.body as ErrorBody).errors).toEqual([{ status: false, code: 404, message: "Program 999999 not found" }]);
  });

  it("answers 404 for another org's program, never showing it", async () => {
    const res = await get(String(rivalProgramId));
    expect(res.status).toBe(404);
    expect((res.body as ErrorBody).errors[0]?.message).toBe(`Program ${rivalProgramId} not found`);
    expect(JSON.stringify(res.body)).not.toContain("Rival");
  });

  it("shows a second org's client its own program only", async () => {
    const { org, defaultProgram } = await createOrg("Second");
    const { authorization } = await createApiClient(org.id);
    expect((await get(String(defaultProgram.id), { authorization })).status).toBe(200);
    expect((await get(String(trendsId), { authorization })).status).toBe(404);
  });

  it.each(["abc", "12x", "-3", "0", "99999999999"])("answers 400 for the malformed id %s", async (id) => {
    const res = await get(id);
    expect(res.status).toBe(400);
    expect((res.body as ErrorBody).errors[0]).toMatchObject({ status: false, code: 400, field: "id" });
  });
});
