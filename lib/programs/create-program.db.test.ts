import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createOrg, createUser } from "@/lib/testing/factories";
import { createMlpOrg } from "@/lib/testing/programs-factories";
import { createProgram, MLP_TYPE_MISSING } from "./create-program";
import { listMappableEntities } from "./entities";
import { NO_ENTITY } from "./schema";

const actor: Actor = { kind: "user", id: 1, label: "admin@test.local" };
const form = { description: "", contributorIds: [] as number[], entityIds: [] as number[], active: false };

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("createProgram", () => {
  let org: Awaited<ReturnType<typeof createMlpOrg>>;

  beforeAll(async () => {
    org = await createMlpOrg("CONCEPT");
  });

  it("creates a blank program with its entities and contributors, and audits it in the same transaction", async () => {
    const { user } = await createUser(org.org.id, "PROGRAM_MANAGER");
    const { id } = await createProgram({
      orgId: org.org.id,
      actor,
      input: { ...form, name: "Trends Club", description: "Brand program", contributorIds: [user.id], entityIds: [org.concepts.trends.id], active: true },
    });
    const program = await db.program.findFirstOrThrow({
      where: { id, orgId: org.org.id },
      include: { entities: true, contributors: true, tiers: true, strategies: true, workflowVersions: true },
    });
    expect(program).toMatchObject({ name: "Trends Club", description: "Brand program", active: true, isDefault: false });
    expect(program.entities.map((e) => [e.entityType, e.entityId])).toEqual([["CONCEPT", org.concepts.trends.id]]);
    expect(program.contributors.map((c) => c.userId)).toEqual([user.id]);
    expect([program.tiers, program.strategies, program.workflowVersions]).toEqual([[], [], []]);

    const audit = await db.auditEntry.findFirstOrThrow({ where: { orgId: org.org.id, action: "program.create", entityId: String(id) } });
    expect(audit).toMatchObject({ actorType: "USER", actorLabel: "admin@test.local", entityType: "Program" });
    expect(audit.after).toMatchObject({ name: "Trends Club", active: true, entities: [{ type: "CONCEPT", code: "TRENDS", name: "Trends" }] });
  });

  it("refuses an entity already mapped to another program, naming it, and writes nothing", async () => {
    const error = await refusal(createProgram({ orgId: org.org.id, actor, input: { ...form, name: "Second Club", entityIds: [org.concepts.jewel.id, org.concepts.trends.id] } }));
    expect(error.message).toBe("Concept Trends is already mapped to Trends Club");
    expect(error.field).toBe("entityIds");
    expect(await db.program.count({ where: { orgId: org.org.id, name: "Second Club" } })).toBe(0);
    expect(await db.programEntity.count({ where: { orgId: org.org.id, entityId: org.concepts.jewel.id } })).toBe(0);
  });

  it("refuses a name already used in the org, whatever its case", async () => {
    const error = await refusal(createProgram({ orgId: org.org.id, actor, input: { ...form, name: "trends club" } }));
    expect(error.message).toBe('A program named "Trends Club" already exists in this org.');
    expect(error.field).toBe("name");
  });

  it("allows the same name in another org", async () => {
    const other = await createMlpOrg("CONCEPT");
    await expect(createProgram({ orgId: other.org.id, actor, input: { ...form, name: "Trends Club", entityIds: [other.concepts.trends.id] } })).resolves.toHaveProperty("id");
  });

  it("refuses a program mapped to nothing: it could never receive an event", async () => {
    const before = await db.program.count({ where: { orgId: org.org.id } });
    const error = await refusal(createProgram({ orgId: org.org.id, actor, input: { ...form, name: "Nowhere Club" } }));
    expect(error).toMatchObject({ kind: "INVALID", field: "entityIds", message: NO_ENTITY });
    expect(await db.program.count({ where: { orgId: org.org.id } })).toBe(before);
  });

  it("refuses entities of another org or of another type", async () => {
    const other = await createMlpOrg("CONCEPT");
    const foreign = await refusal(createProgram({ orgId: org.org.id, actor, input: { ...form, name: "Foreign", entityIds: [other.concepts.jewel.id] } }));
    expect(foreign.field).toBe("entityIds");
    expect(foreign.message).toMatch(/not active concepts of this org/);
    const zoneIdNotConcept = Math.max(org.zones.north.id, org.zones.south.id, org.concepts.jewel.id) + 1000;
    await refusal(createProgram({ orgId: org.org.id, actor, input: { ...form, name: "Zoned", entityIds: [zoneIdNotConcept] } }));
  });

  it("refuses a deactivated entity, and does not offer it", async () => {
    const fresh = await createMlpOrg("CONCEPT");
    await db.concept.update({ where: { id: fresh.concepts.jewel.id }, data: { active: false } });
    const error = await refusal(createProgram({ orgId: fresh.org.id, actor, input: { ...form, name: "Old Jewel", entityIds: [fresh.concepts.jewel.id] } }));
    expect(error.field).toBe("entityIds");
    const offered = await listMappableEntities({ orgId: fresh.org.id });
    expect(offered.entities.map((e) => e.id)).not.toContain(fresh.concepts.jewel.id);
    expect(offered.entities.map((e) => e.id)).toContain(fresh.concepts.trends.id);
  });

  it("refuses contributors who are not users of the org", async () => {
    const other = await createOrg();
    const { user } = await createUser(other.org.id, "ADMIN");
    const error = await refusal(createProgram({ orgId: org.org.id, actor, input: { ...form, name: "Contrib", contributorIds: [user.id], entityIds: [org.concepts.jewel.id] } }));
    expect(error.field).toBe("contributorIds");
  });

  it("refuses a non-default program while the org has no MLP type", async () => {
    const plain = await createMlpOrg(null);
    const error = await refusal(createProgram({ orgId: plain.org.id, actor, input: { ...form, name: "Anything" } }));
    expect(error.message).toBe(MLP_TYPE_MISSING);
    expect(await db.program.count({ where: { orgId: plain.org.id } })).toBe(1);
  });

  it("maps zones in a zone MLP org and card series in a card-series MLP org", async () => {
    const zoned = await createMlpOrg("ZONE");
    const { id } = await createProgram({ orgId: zoned.org.id, actor, input: { ...form, name: "North Club", entityIds: [zoned.zones.north.id] } });
    expect(await db.programEntity.findFirst({ where: { orgId: zoned.org.id, programId: id }, select: { entityType: true } })).toEqual({ entityType: "ZONE" });
    const carded = await createMlpOrg("CARD_SERIES");
    const premier = await createProgram({ orgId: carded.org.id, actor, input: { ...form, name: "Premier", entityIds: [carded.cardSeries.premier.id] } });
    const error = await refusal(createProgram({ orgId: carded.org.id, actor, input: { ...form, name: "Premier Two", entityIds: [carded.cardSeries.premier.id] } }));
    expect(error.message).toBe("Card series Premier card is already mapped to Premier");
    expect(premier.id).toBeGreaterThan(0);
  });

  it("lets only one of two racing creates map the same entity (the unique index backs the check)", async () => {
    const racing = await createMlpOrg("CONCEPT");
    const results = await Promise.allSettled(
      ["Race One", "Race Two"].map((name) => createProgram({ orgId: racing.org.id, actor, input: { ...form, name, entityIds: [racing.concepts.jewel.id] } })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.status === "rejected" && rejected.reason).toBeInstanceOf(AppError);
    expect(await db.programEntity.count({ where: { orgId: racing.org.id } })).toBe(1);
  });
});
