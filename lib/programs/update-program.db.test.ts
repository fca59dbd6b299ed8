import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createMappedProgram, createMlpOrg } from "@/lib/testing/programs-factories";
import { DEFAULT_CANNOT_DEACTIVATE, setProgramActive, updateProgram } from "./update-program";

const actor: Actor = { kind: "user", id: 7, label: "manager@test.local" };

describe("updateProgram and setProgramActive", () => {
  let org: Awaited<ReturnType<typeof createMlpOrg>>;
  let program: { id: number };

  beforeAll(async () => {
    org = await createMlpOrg("CONCEPT");
    program = await createMappedProgram(org.org.id, { name: "Jewel Circle", active: false, entityIds: [org.concepts.jewel.id] });
  });

  it("renames and re-describes a program, auditing before and after", async () => {
    await updateProgram({ orgId: org.org.id, actor, input: { programId: program.id, name: "Jewel Circle Plus", description: "Jewellery" } });
    expect(await db.program.findFirst({ where: { id: program.id, orgId: org.org.id }, select: { name: true, description: true } })).toEqual({
      name: "Jewel Circle Plus",
      description: "Jewellery",
    });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { orgId: org.org.id, action: "program.update" } });
    expect(audit.before).toEqual({ name: "Jewel Circle", description: "" });
    expect(audit.after).toEqual({ name: "Jewel Circle Plus", description: "Jewellery" });
  });

  it("records nothing when nothing changed", async () => {
    await updateProgram({ orgId: org.org.id, actor, input: { programId: program.id, name: "Jewel Circle Plus", description: "Jewellery" } });
    expect(await db.auditEntry.count({ where: { orgId: org.org.id, action: "program.update" } })).toBe(1);
  });

  it("refuses a name another program of the org has, on the name field", async () => {
    const error = (await updateProgram({
      orgId: org.org.id,
      actor,
      input: { programId: program.id, name: org.defaultProgram.name.toUpperCase(), description: "" },
    }).catch((e: unknown) => e)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.field).toBe("name");
    expect(error.message).toBe(`A program named "${org.defaultProgram.name}" already exists in this org.`);
  });

  it("activates and deactivates, auditing each change", async () => {
    await setProgramActive({ orgId: org.org.id, actor, input: { programId: program.id, active: true } });
    expect((await db.program.findFirstOrThrow({ where: { id: program.id, orgId: org.org.id } })).active).toBe(true);
    await setProgramActive({ orgId: org.org.id, actor, input: { programId: program.id, active: false } });
    expect((await db.program.findFirstOrThrow({ where: { id: program.id, orgId: org.org.id } })).active).toBe(false);
    const entries = await db.auditEntry.findMany({ where: { orgId: org.org.id, entityId: String(program.id), action: { in: ["program.activate", "program.deactivate"] } }, orderBy: { id: "asc" } });
    expect(entries.map((e) => [e.action, e.before, e.after])).toEqual([
      ["program.activate", { name: "Jewel Circle Plus", active: false }, { name: "Jewel Circle Plus", active: true }],
      ["program.deactivate", { name: "Jewel Circle Plus", active: true }, { name: "Jewel Circle Plus", active: false }],
    ]);
  });

  it("never deactivates the default program", async () => {
    await expect(setProgramActive({ orgId: org.org.id, actor, input: { programId: org.defaultProgram.id, active: false } })).rejects.toThrow(DEFAULT_CANNOT_DEACTIVATE);
    expect((await db.program.findFirstOrThrow({ where: { id: org.defaultProgram.id, orgId: org.org.id } })).active).toBe(true);
  });

  it("treats another org's program as not found and leaves it alone", async () => {
    const other = await createMlpOrg("CONCEPT");
    const foreign = await createMappedProgram(other.org.id, { name: "Theirs", active: true });
    await expect(setProgramActive({ orgId: org.org.id, actor, input: { programId: foreign.id, active: false } })).rejects.toMatchObject({ kind: "NOT_FOUND" });
    await expect(updateProgram({ orgId: org.org.id, actor, input: { programId: foreign.id, name: "Mine now", description: "" } })).rejects.toMatchObject({
      kind: "NOT_FOUND",
    });
    expect(await db.program.findFirstOrThrow({ where: { id: foreign.id, orgId: other.org.id }, select: { name: true, active: true } })).toEqual({ name: "Theirs", active: true });
  });
});
