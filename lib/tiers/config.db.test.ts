import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createEngineOrg } from "@/lib/testing/engine-factories";
import { createCustomer } from "@/lib/testing/groups-factories";
import { enrolAt } from "@/lib/testing/tiers-factories";
import { createTier, deleteTier, saveTierPolicy, updateTier } from "./config";
import { tierInputSchema } from "./schema";

const actor = { kind: "user" as const, id: 1, label: "manager@test" };
const tier = (name: string, threshold: number, extra: Record<string, unknown> = {}) => tierInputSchema.parse({ name, threshold, ...extra });

describe("the Tiers tab's writes", () => {
  it("builds a ladder from 0 upwards, refuses a threshold out of order or a name taken, and audits each change", async () => {
    const f = await createEngineOrg();
    const programId = f.defaultProgram.id;
    const write = { orgId: f.orgId, actor, programId };
    await expect(createTier({ ...write, input: tier("Silver", 100) })).rejects.toThrow("Tier 1 (Silver) is where every member starts: its threshold must be 0.");
    const silver = await createTier({ ...write, input: tier("Silver", 0) });
    const gold = await createTier({ ...write, input: tier("Gold", 5000, { renewalThreshold: 3000 }) });
    expect(gold).toMatchObject({ number: 2, renewalThreshold: 3000 });
    await expect(createTier({ ...write, input: tier("Bronze", 5000) })).rejects.toThrow("Tier 3 (Bronze) needs a threshold above tier 2 (Gold, 5000).");
    await expect(createTier({ ...write, input: tier("gold", 9000) })).rejects.toThrow("This program already has a tier named gold.");
    await expect(updateTier({ ...write, tierId: silver.id, input: tier("Silver", 6000) })).rejects.toThrow("Tier 1 (Silver) is where every member starts");
    await updateTier({ ...write, tierId: gold.id, input: tier("Gold Club", 5000, { renewalThreshold: 3000 }) });
    const audit = await db.auditEntry.findMany({ where: { orgId: f.orgId }, orderBy: { id: "asc" }, select: { action: true, entityId: true } });
    expect(audit.map((a) => a.action)).toEqual(["program.tier.create", "program.tier.create", "program.tier.update"]);
    expect(() => tierInputSchema.parse({ name: "2", threshold: 1 })).toThrow("A tier name cannot be only digits");
  });

  it("removes only the top tier, and only while no member holds it", async () => {
    const f = await createEngineOrg();
    const programId = f.defaultProgram.id;
    const write = { orgId: f.orgId, actor, programId };
    const silver = await createTier({ ...write, input: tier("Silver", 0) });
    const gold = await createTier({ ...write, input: tier("Gold", 5000) });
    await expect(deleteTier({ ...write, tierId: silver.id })).rejects.toThrow("Only the top tier can be removed; Silver has tiers above it.");
    const ana = await createCustomer(f.orgId);
    await enrolAt(f.orgId, programId, ana.id, "Gold");
    await expect(deleteTier({ ...write, tierId: gold.id })).rejects.toThrow("1 member holds Gold: move them to another tier first.");
    await enrolAt(f.orgId, programId, ana.id, "Silver");
    await deleteTier({ ...write, tierId: gold.id });
    expect(await db.tier.count({ where: { programId } })).toBe(1);
  });

  it("saves the tier rules once, audited with before and after", async () => {
    const f = await createEngineOrg();
    const input = { tierBasis: "LIFETIME_POINTS" as const, tierValidityMonths: 6, tierDowngradeRule: "TO_QUALIFYING" as const, tierSyncGroupMembers: true };
    await saveTierPolicy({ orgId: f.orgId, actor, programId: f.defaultProgram.id, input });
    await saveTierPolicy({ orgId: f.orgId, actor, programId: f.defaultProgram.id, input });
    const audit = await db.auditEntry.findMany({ where: { orgId: f.orgId, action: "program.tiers.policy.update" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject(input);
    expect(await db.program.findUniqueOrThrow({ where: { id: f.defaultProgram.id } })).toMatchObject(input);
  });
});
