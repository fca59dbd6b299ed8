import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createOrg } from "@/lib/testing/factories";
import { adminActorOf, createStructure } from "@/lib/testing/org-structure-factories";
import { orgUnitInputSchema, orgUnitUpdateSchema } from "./schema";
import { createOrgUnit, setOrgUnitActive, updateOrgUnit } from "./units";

const input = (value: Record<string, unknown>) => orgUnitInputSchema.parse(value);
const update = (value: Record<string, unknown>) => orgUnitUpdateSchema.parse(value);

async function setup() {
  const { org } = await createOrg();
  return { orgId: org.id, actor: await adminActorOf(org.id) };
}

describe("createOrgUnit", () => {
  it("creates each kind, with codes trimmed and upper-cased", async () => {
    const { orgId, actor } = await setup();
    const zone = await createOrgUnit({ orgId, actor, input: input({ kind: "zone", code: " north ", name: "North" }) });
    const concept = await createOrgUnit({ orgId, actor, input: input({ kind: "concept", code: "trends", name: "Trends" }) });
    const series = await createOrgUnit({ orgId, actor, input: input({ kind: "cardSeries", code: "gold", name: "Gold", prefix: "4100" }) });
    const store = await createOrgUnit({ orgId, actor, input: input({ kind: "store", code: "s-1", name: "Store 1", zoneId: zone.id, conceptId: concept.id }) });
    const till = await createOrgUnit({ orgId, actor, input: input({ kind: "till", code: "t-1", name: "Till 1", storeId: store.id }) });

    expect(zone).toMatchObject({ code: "NORTH", name: "North", active: true });
    expect(await db.cardSeries.findFirstOrThrow({ where: { id: series.id, orgId } })).toMatchObject({ code: "GOLD", prefix: "4100" });
    expect(await db.store.findFirstOrThrow({ where: { id: store.id, orgId } })).toMatchObject({ code: "S-1", zoneId: zone.id, conceptId: concept.id });
    expect(await db.till.findFirstOrThrow({ where: { id: till.id, orgId } })).toMatchObject({ code: "T-1", storeId: store.id });
  });

  it("refuses a code already used in the org, for that kind, on the code field", async () => {
    const { orgId, actor } = await setup();
    await createOrgUnit({ orgId, actor, input: input({ kind: "zone", code: "NORTH", name: "North" }) });
    await expect(createOrgUnit({ orgId, actor, input: input({ kind: "zone", code: "north", name: "Another" }) })).rejects.toMatchObject({
      kind: "CONFLICT",
      field: "code",
      message: "A zone with code NORTH already exists.",
    });
    // Another kind may share the code, and so may another org.
    await expect(createOrgUnit({ orgId, actor, input: input({ kind: "concept", code: "NORTH", name: "North brand" }) })).resolves.toMatchObject({ code: "NORTH" });
    const other = await setup();
    await expect(createOrgUnit({ ...other, input: input({ kind: "zone", code: "NORTH", name: "North" }) })).resolves.toMatchObject({ code: "NORTH" });
    expect(await db.zone.count({ where: { orgId } })).toBe(1);
  });

  it("gives the same message when two creates of one code race", async () => {
    const { orgId, actor } = await setup();
    const make = () => createOrgUnit({ orgId, actor, input: input({ kind: "cardSeries", code: "PREMIER", name: "Premier", prefix: "" }) });
    const results = await Promise.allSettled([make(), make()]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.status === "rejected" && rejected.reason).toMatchObject({ kind: "CONFLICT", field: "code", message: "A card series with code PREMIER already exists." });
  });

  it("refuses another org's zone, concept or store as not found, and a deactivated one as invalid", async () => {
    const { orgId, actor } = await setup();
    const mine = await createStructure(orgId);
    const other = await setup();
    const foreign = await createStructure(other.orgId);

    await expect(
      createOrgUnit({ orgId, actor, input: input({ kind: "store", code: "S-X", name: "X", zoneId: foreign.zone.id, conceptId: mine.concept.id }) }),
    ).rejects.toMatchObject({ kind: "NOT_FOUND", field: "zoneId", message: "That zone does not exist in this org." });
    await expect(
      createOrgUnit({ orgId, actor, input: input({ kind: "store", code: "S-X", name: "X", zoneId: mine.zone.id, conceptId: foreign.concept.id }) }),
    ).rejects.toMatchObject({ kind: "NOT_FOUND", field: "conceptId" });
    await expect(createOrgUnit({ orgId, actor, input: input({ kind: "till", code: "T-X", name: "X", storeId: foreign.store.id }) })).rejects.toMatchObject({
      kind: "NOT_FOUND",
      field: "storeId",
    });

    await db.zone.update({ where: { id: mine.zone.id }, data: { active: false } });
    await expect(
      createOrgUnit({ orgId, actor, input: input({ kind: "store", code: "S-X", name: "X", zoneId: mine.zone.id, conceptId: mine.concept.id }) }),
    ).rejects.toMatchObject({ kind: "INVALID", field: "zoneId", message: `Zone ${mine.zone.code} is deactivated. Choose an active one.` });
    expect(await db.store.count({ where: { orgId } })).toBe(1);
    expect(await db.till.count({ where: { orgId: other.orgId } })).toBe(1);
  });

  it("records the create in the audit log with the actor and the new values", async () => {
    const { orgId, actor } = await setup();
    const zone = await createOrgUnit({ orgId, actor, input: input({ kind: "zone", code: "EAST", name: "East" }) });
    const entry = await db.auditEntry.findFirstOrThrow({ where: { orgId, action: "zone.create" } });
    expect(entry).toMatchObject({ actorType: "USER", actorLabel: actor.label, entityType: "Zone", entityId: String(zone.id), before: null });
    expect(entry.after).toMatchObject({ code: "EAST", name: "East", active: true });
  });
});

describe("updateOrgUnit", () => {
  it("edits name, code and references, auditing before and after", async () => {
    const { orgId, actor } = await setup();
    const { store, zone } = await createStructure(orgId);
    const otherZone = await createOrgUnit({ orgId, actor, input: input({ kind: "zone", code: "WEST", name: "West" }) });
    const after = await updateOrgUnit({
      orgId,
      actor,
      input: update({ kind: "store", id: store.id, code: "store-new", name: "Renamed", zoneId: otherZone.id, conceptId: store.conceptId }),
    });
    expect(after).toMatchObject({ code: "STORE-NEW", name: "Renamed", zoneId: otherZone.id });
    const entry = await db.auditEntry.findFirstOrThrow({ where: { orgId, action: "store.update" } });
    expect(entry.before).toMatchObject({ code: store.code, name: store.name, zoneId: zone.id });
    expect(entry.after).toMatchObject({ code: "STORE-NEW", name: "Renamed", zoneId: otherZone.id });
  });

  it("keeps its own code but refuses another unit's", async () => {
    const { orgId, actor } = await setup();
    const north = await createOrgUnit({ orgId, actor, input: input({ kind: "zone", code: "NORTH", name: "North" }) });
    const south = await createOrgUnit({ orgId, actor, input: input({ kind: "zone", code: "SOUTH", name: "South" }) });
    await expect(updateOrgUnit({ orgId, actor, input: update({ kind: "zone", id: north.id, code: "NORTH", name: "Northern" }) })).resolves.toMatchObject({
      name: "Northern",
    });
    await expect(updateOrgUnit({ orgId, actor, input: update({ kind: "zone", id: south.id, code: "north", name: "South" }) })).rejects.toMatchObject({
      kind: "CONFLICT",
      field: "code",
      message: "A zone with code NORTH already exists.",
    });
  });

  it("cannot reach another org's unit, and keeps a store's deactivated zone on edit", async () => {
    const { orgId, actor } = await setup();
    const other = await setup();
    const foreign = await createStructure(other.orgId);
    await expect(updateOrgUnit({ orgId, actor, input: update({ kind: "zone", id: foreign.zone.id, code: "HACK", name: "Hack" }) })).rejects.toMatchObject({
      kind: "NOT_FOUND",
    });
    expect(await db.zone.findFirstOrThrow({ where: { id: foreign.zone.id } })).toMatchObject({ code: foreign.zone.code });

    const mine = await createStructure(orgId);
    await db.zone.update({ where: { id: mine.zone.id }, data: { active: false } });
    await expect(
      updateOrgUnit({ orgId, actor, input: update({ kind: "store", id: mine.store.id, code: mine.store.code, name: "Kept", zoneId: mine.zone.id, conceptId: mine.concept.id }) }),
    ).resolves.toMatchObject({ name: "Kept" });
  });
});

describe("setOrgUnitActive", () => {
  it("refuses to deactivate a zone, concept or store that holds active units, naming the count", async () => {
    const { orgId, actor } = await setup();
    const { zone, concept, store, till } = await createStructure(orgId);
    await db.store.create({ data: { orgId, code: "S-2", name: "Second", zoneId: zone.id, conceptId: concept.id } });

    await expect(setOrgUnitActive({ orgId, actor, kind: "zone", id: zone.id, active: false })).rejects.toMatchObject({
      kind: "CONFLICT",
      message: `Zone ${zone.code} still has 2 active stores. Deactivate or move them first.`,
    });
    await expect(setOrgUnitActive({ orgId, actor, kind: "store", id: store.id, active: false })).rejects.toMatchObject({
      message: `Store ${store.code} still has 1 active till. Deactivate or move it first.`,
    });
    expect(await db.zone.findFirstOrThrow({ where: { id: zone.id } })).toMatchObject({ active: true });

    await setOrgUnitActive({ orgId, actor, kind: "till", id: till.id, active: false });
    await expect(setOrgUnitActive({ orgId, actor, kind: "store", id: store.id, active: false })).resolves.toMatchObject({ active: false });
    expect(await db.store.findFirstOrThrow({ where: { id: store.id } })).toMatchObject({ active: false });
  });

  it("deactivates and reactivates, auditing both, and refuses a repeat", async () => {
    const { orgId, actor } = await setup();
    const series = await createOrgUnit({ orgId, actor, input: input({ kind: "cardSeries", code: "CLASSIC", name: "Classic", prefix: "" }) });
    await setOrgUnitActive({ orgId, actor, kind: "cardSeries", id: series.id, active: false });
    await expect(setOrgUnitActive({ orgId, actor, kind: "cardSeries", id: series.id, active: false })).rejects.toMatchObject({
      kind: "CONFLICT",
      message: "Card series CLASSIC is already deactivated.",
    });
    await setOrgUnitActive({ orgId, actor, kind: "cardSeries", id: series.id, active: true });
    const entries = await db.auditEntry.findMany({ where: { orgId, entityType: "CardSeries" }, orderBy: { id: "asc" } });
    expect(entries.map((e) => e.action)).toEqual(["cardSeries.create", "cardSeries.deactivate", "cardSeries.reactivate"]);
    expect(entries[1]?.before).toMatchObject({ active: true });
    expect(entries[1]?.after).toMatchObject({ active: false });
    expect(entries[2]?.after).toMatchObject({ active: true });
  });

  it("refuses to reactivate a till whose store is deactivated", async () => {
    const { orgId, actor } = await setup();
    const { store, till } = await createStructure(orgId);
    await setOrgUnitActive({ orgId, actor, kind: "till", id: till.id, active: false });
    await setOrgUnitActive({ orgId, actor, kind: "store", id: store.id, active: false });
    await expect(setOrgUnitActive({ orgId, actor, kind: "till", id: till.id, active: true })).rejects.toMatchObject({
      kind: "CONFLICT",
      message: `Till ${till.code} is in store ${store.code}, which is deactivated. Reactivate ${store.code} first.`,
    });
  });

  it("cannot deactivate another org's unit", async () => {
    const { orgId, actor } = await setup();
    const other = await setup();
    const foreign = await createStructure(other.orgId);
    await expect(setOrgUnitActive({ orgId, actor, kind: "till", id: foreign.till.id, active: false })).rejects.toMatchObject({ kind: "NOT_FOUND" });
    expect(await db.till.findFirstOrThrow({ where: { id: foreign.till.id } })).toMatchObject({ active: true });
    expect(await db.auditEntry.count({ where: { orgId } })).toBe(0);
  });
});
