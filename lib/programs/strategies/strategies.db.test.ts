import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { createMappedProgram, createMlpOrg } from "@/lib/testing/programs-factories";
import { loadProgramStrategies } from "./load";
import { saveProgramStrategies } from "./save";
import { programStrategiesFormSchema } from "./schema";

const actor: Actor = { kind: "user", id: 7, label: "manager@test.local" };

const form = (programId: number, over: Record<string, unknown> = {}) =>
  programStrategiesFormSchema.parse({
    programId,
    pointsToCurrencyRatio: "0.5",
    transfersAllowed: false,
    redemptionEnabled: true,
    minimumPoints: "50",
    maximumPerTransaction: "1000",
    multiplesOf: "10",
    eligibilityBasis: "NONE",
    eligibilityThreshold: "",
    expiryType: "ROLLING",
    expiryValue: "6",
    expiryUnit: "MONTHS",
    ...over,
  });

describe("program strategies", () => {
  let org: Awaited<ReturnType<typeof createMlpOrg>>;
  let program: { id: number; name: string };

  beforeAll(async () => {
    org = await createMlpOrg("CONCEPT");
    program = await createMappedProgram(org.org.id, { name: "Jewel Circle", entityIds: [org.concepts.jewel.id] });
  });

  it("a program never configured has no redemption strategy, a ratio of 1, transfers allowed and no default expiry", async () => {
    expect(await loadProgramStrategies(db, org.org.id, program.id)).toEqual({
      programId: program.id,
      programName: "Jewel Circle",
      pointsToCurrencyRatio: "1",
      transfersAllowed: true,
      redemption: null,
      defaultExpiry: null,
    });
  });

  it("saves every strategy of the tab, reads them back, and audits before and after", async () => {
    await saveProgramStrategies({ orgId: org.org.id, actor, input: form(program.id) });
    const loaded = await loadProgramStrategies(db, org.org.id, program.id);
    expect(loaded).toMatchObject({
      pointsToCurrencyRatio: "0.5",
      transfersAllowed: false,
      redemption: { minimumPoints: 50, maximumPerTransaction: 1000, multiplesOf: 10, eligibility: null },
      defaultExpiry: { type: "ROLLING", value: 6, unit: "MONTHS" },
    });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { orgId: org.org.id, action: "program.strategies.update" } });
    expect(audit.entityId).toBe(String(program.id));
    expect(audit.before).toMatchObject({ redemption: null, transfersAllowed: true, pointsToCurrencyRatio: "1" });
    expect(audit.after).toMatchObject({ redemption: { minimumPoints: 50 }, transfersAllowed: false, pointsToCurrencyRatio: "0.5" });
  });

  it("a save that changes nothing writes no audit entry", async () => {
    await saveProgramStrategies({ orgId: org.org.id, actor, input: form(program.id) });
    expect(await db.auditEntry.count({ where: { orgId: org.org.id, action: "program.strategies.update" } })).toBe(1);
  });

  it("turning the redemption strategy off and the expiry to NEVER removes their rows", async () => {
    await saveProgramStrategies({ orgId: org.org.id, actor, input: form(program.id, { redemptionEnabled: false, expiryType: "NEVER" }) });
    expect(await db.pointsStrategy.count({ where: { programId: program.id } })).toBe(0);
    expect(await loadProgramStrategies(db, org.org.id, program.id)).toMatchObject({ redemption: null, defaultExpiry: null });
  });

  it("keeps ten decimals of the ratio", async () => {
    await saveProgramStrategies({ orgId: org.org.id, actor, input: form(program.id, { pointsToCurrencyRatio: "0.1234567891" }) });
    expect((await loadProgramStrategies(db, org.org.id, program.id))?.pointsToCurrencyRatio).toBe("0.1234567891");
  });

  it("each program has its own strategies, and another org's program is not found", async () => {
    expect((await loadProgramStrategies(db, org.org.id, org.defaultProgram.id))?.redemption).toBeNull();
    const other = await createMlpOrg(null);
    expect(await loadProgramStrategies(db, other.org.id, program.id)).toBeNull();
    await expect(saveProgramStrategies({ orgId: other.org.id, actor, input: form(program.id) })).rejects.toThrow(`Program ${program.id} not found`);
  });
});
