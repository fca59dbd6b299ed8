import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { PAGE_SIZE } from "@/lib/pagination";
import { createUser } from "@/lib/testing/factories";
import { createMappedProgram, createMlpOrg, postMovement } from "@/lib/testing/programs-factories";
import { getProgram, listProgramsPage, pointsTotalsByProgram } from "./queries";

describe("program queries", () => {
  let org: Awaited<ReturnType<typeof createMlpOrg>>;
  let trends: { id: number };
  let other: Awaited<ReturnType<typeof createMlpOrg>>;

  beforeAll(async () => {
    org = await createMlpOrg("CONCEPT", "Acme");
    trends = await createMappedProgram(org.org.id, { name: "Trends Club", entityIds: [org.concepts.trends.id] });
    const jewel = await createMappedProgram(org.org.id, { name: "Jewel Circle", active: false, entityIds: [org.concepts.jewel.id] });
    await db.tier.createMany({
      data: [
        { orgId: org.org.id, programId: jewel.id, number: 1, name: "Pearl" },
        { orgId: org.org.id, programId: jewel.id, number: 2, name: "Diamond", threshold: 10000 },
        { orgId: org.org.id, programId: trends.id, number: 1, name: "Silver" },
      ],
    });
    other = await createMlpOrg("CONCEPT", "Rival");
    await createMappedProgram(other.org.id, { name: "Rival Club" });
  });

  it("lists the default program first, then by name, with entities and tiers counted", async () => {
    const page = await listProgramsPage({ orgId: org.org.id, page: 1, sort: "name", dir: "asc" });
    expect(page.rows.map((r) => [r.name, r.isDefault, r.tiersCount, r.entities.map((e) => e.name)])).toEqual([
      ["Acme Default", true, 0, []],
      ["Jewel Circle", false, 2, ["Jewel"]],
      ["Trends Club", false, 1, ["Trends"]],
    ]);
    expect(page.total).toBe(3);
  });

  it("keeps the default program first whatever the sort", async () => {
    const byName = await listProgramsPage({ orgId: org.org.id, page: 1, sort: "name", dir: "desc" });
    expect(byName.rows.map((r) => r.name)).toEqual(["Acme Default", "Trends Club", "Jewel Circle"]);
    const byTiers = await listProgramsPage({ orgId: org.org.id, page: 1, sort: "tiers", dir: "desc" });
    expect(byTiers.rows.map((r) => r.name)).toEqual(["Acme Default", "Jewel Circle", "Trends Club"]);
    const byCreated = await listProgramsPage({ orgId: org.org.id, page: 1, sort: "created", dir: "desc" });
    expect(byCreated.rows.map((r) => r.name)).toEqual(["Acme Default", "Jewel Circle", "Trends Club"]);
  });

  it("pages on the server", async () => {
    const many = await createMlpOrg("ZONE");
    await db.program.createMany({ data: Array.from({ length: PAGE_SIZE + 2 }, (_, i) => ({ orgId: many.org.id, name: `P${String(i).padStart(2, "0")}` })) });
    const first = await listProgramsPage({ orgId: many.org.id, page: 1, sort: "name", dir: "asc" });
    const second = await listProgramsPage({ orgId: many.org.id, page: 2, sort: "name", dir: "asc" });
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(first.pageCount).toBe(2);
    // The default program takes the first slot of page 1.
    expect(second.rows.map((r) => r.name)).toEqual(["P19", "P20", "P21"]);
  });

  it("never lists another org's programs", async () => {
    const page = await listProgramsPage({ orgId: org.org.id, page: 1, sort: "name", dir: "asc" });
    expect(page.rows.map((r) => r.name)).not.toContain("Rival Club");
  });

  it("sums points issued, redeemed and expired per program from owner-account postings", async () => {
    const empty = await pointsTotalsByProgram({ orgId: org.org.id, programIds: [trends.id] });
    expect(empty.get(trends.id)).toBeUndefined();
    await postMovement(org.org.id, trends.id, "EARN", 120);
    await postMovement(org.org.id, trends.id, "EARN", 30.5);
    await postMovement(org.org.id, trends.id, "REDEEM", 40);
    await postMovement(org.org.id, trends.id, "EXPIRE", 10);
    await postMovement(org.org.id, trends.id, "ADJUST", 999);
    const totals = await pointsTotalsByProgram({ orgId: org.org.id, programIds: [trends.id, org.defaultProgram.id] });
    expect(totals.get(trends.id)).toEqual({ issued: "150.5000", redeemed: "40.0000", expired: "10.0000" });
    expect(totals.get(org.defaultProgram.id)).toBeUndefined();
    const page = await listProgramsPage({ orgId: org.org.id, page: 1, sort: "name", dir: "asc" });
    expect(page.rows.find((r) => r.id === trends.id)?.points).toEqual({ issued: "150.5000", redeemed: "40.0000", expired: "10.0000" });
    expect(page.rows.find((r) => r.isDefault)?.points).toEqual({ issued: "0", redeemed: "0", expired: "0" });
  });

  it("reads one program with tiers, contributors and entities", async () => {
    const { user } = await createUser(org.org.id, "PROGRAM_MANAGER");
    await db.programContributor.create({ data: { orgId: org.org.id, programId: trends.id, userId: user.id } });
    const program = await getProgram({ orgId: org.org.id, programId: String(trends.id) });
    expect(program).toMatchObject({
      name: "Trends Club",
      tiers: [{ number: 1, name: "Silver", threshold: "0" }],
      contributors: [{ id: user.id, email: user.email }],
      entities: [{ type: "CONCEPT", code: "TRENDS", name: "Trends" }],
    });
  });

  it("returns null for another org's program, an unknown id and a malformed one", async () => {
    const rival = await db.program.findFirstOrThrow({ where: { orgId: other.org.id, name: "Rival Club" } });
    expect(await getProgram({ orgId: org.org.id, programId: rival.id })).toBeNull();
    expect(await getProgram({ orgId: org.org.id, programId: 2_000_000_000 })).toBeNull();
    expect(await getProgram({ orgId: org.org.id, programId: "abc" })).toBeNull();
    expect(await getProgram({ orgId: org.org.id, programId: "99999999999999" })).toBeNull();
  });
});
