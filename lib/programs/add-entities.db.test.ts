import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createMlpOrg } from "@/lib/testing/programs-factories";
import { addProgramEntities, DEFAULT_HAS_NO_ENTITIES } from "./add-entities";
import { createProgram } from "./create-program";

const actor: Actor = { kind: "user", id: 1, label: "manager@test.local" };
const form = { description: "", contributorIds: [] as number[], active: true };

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const mapped = async (programId: number) =>
  (await db.programEntity.findMany({ where: { programId }, orderBy: { entityId: "asc" } })).map((e) => e.entityId);

describe("addProgramEntities", () => {
  it("adds an unmapped entity to a program later, keeping its first mapping, audited", async () => {
    const org = await createMlpOrg("ZONE");
    const { id } = await createProgram({ orgId: org.org.id, actor, input: { ...form, name: "North Club", entityIds: [org.zones.north.id] } });
    expect(await addProgramEntities({ orgId: org.org.id, actor, input: { programId: id, entityIds: [org.zones.south.id] } })).toEqual({ added: 1 });
    expect(await mapped(id)).toEqual([org.zones.north.id, org.zones.south.id].sort((a, b) => a - b));
    const audit = await db.auditEntry.findFirstOrThrow({ where: { orgId: org.org.id, action: "program.entities.add" } });
    expect(audit.after).toMatchObject({ added: [{ type: "ZONE", code: "SOUTH", name: "South" }] });
  });

  it("refuses an entity another program holds, the default program and another org's program", async () => {
    const org = await createMlpOrg("CONCEPT");
    const trends = await createProgram({ orgId: org.org.id, actor, input: { ...form, name: "Trends Club", entityIds: [org.concepts.trends.id] } });
    const jewel = await createProgram({ orgId: org.org.id, actor, input: { ...form, name: "Jewel Club", entityIds: [org.concepts.jewel.id] } });
    const taken = await refusal(addProgramEntities({ orgId: org.org.id, actor, input: { programId: jewel.id, entityIds: [org.concepts.trends.id] } }));
    expect(taken).toMatchObject({ kind: "CONFLICT", field: "entityIds", message: "Concept Trends is already mapped to Trends Club" });
    expect(await mapped(jewel.id)).toEqual([org.concepts.jewel.id]);

    const toDefault = await refusal(addProgramEntities({ orgId: org.org.id, actor, input: { programId: org.defaultProgram.id, entityIds: [org.concepts.trends.id] } }));
    expect(toDefault.message).toBe(DEFAULT_HAS_NO_ENTITIES);

    const other = await createMlpOrg("CONCEPT");
    const foreign = await refusal(addProgramEntities({ orgId: other.org.id, actor, input: { programId: trends.id, entityIds: [other.concepts.jewel.id] } }));
    expect(foreign.kind).toBe("NOT_FOUND");
    expect(await mapped(trends.id)).toEqual([org.concepts.trends.id]);
  });
});
