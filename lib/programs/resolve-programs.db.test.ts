import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createMappedProgram, createMlpOrg } from "@/lib/testing/programs-factories";
import { resolvePrograms } from "./resolve-programs";

const names = (programs: { name: string }[]) => programs.map((p) => p.name);

describe("resolvePrograms", () => {
  it("CONCEPT MLP: the default program plus the program of the till's store's concept", async () => {
    const o = await createMlpOrg("CONCEPT", "Conc");
    await createMappedProgram(o.org.id, { name: "Trends Club", entityType: "CONCEPT", entityIds: [o.concepts.trends.id] });
    const programs = await resolvePrograms({ orgId: o.org.id, tillCode: "TILL-001" });
    expect(names(programs)).toEqual(["Conc Default", "Trends Club"]);
    expect(programs[0]).toMatchObject({ isDefault: true, via: null });
    expect(programs[1]?.via).toEqual({ type: "CONCEPT", id: o.concepts.trends.id, code: "TRENDS" });
    // TILL-002 is a Jewel store: no Jewel program, so the default program only.
    expect(names(await resolvePrograms({ orgId: o.org.id, tillCode: "TILL-002" }))).toEqual(["Conc Default"]);
  });

  it("ZONE MLP: the program of the till's store's zone; a concept mapping means nothing there", async () => {
    const o = await createMlpOrg("ZONE", "Zon");
    await createMappedProgram(o.org.id, { name: "South Club", entityType: "ZONE", entityIds: [o.zones.south.id] });
    expect(names(await resolvePrograms({ orgId: o.org.id, tillCode: "TILL-002" }))).toEqual(["Zon Default", "South Club"]);
    expect(names(await resolvePrograms({ orgId: o.org.id, tillCode: "TILL-001" }))).toEqual(["Zon Default"]);
  });

  it("CARD_SERIES MLP: the issued card's series, else the longest matching prefix; the till does not count", async () => {
    const o = await createMlpOrg("CARD_SERIES", "Card");
    await createMappedProgram(o.org.id, { name: "Classic Club", entityType: "CARD_SERIES", entityIds: [o.cardSeries.classic.id] });
    await createMappedProgram(o.org.id, { name: "Premier Club", entityType: "CARD_SERIES", entityIds: [o.cardSeries.premier.id] });
    // By prefix: 9100… is Classic, 91009… is Premier (the longer prefix wins).
    expect(names(await resolvePrograms({ orgId: o.org.id, cardNumber: "9100123" }))).toEqual(["Card Default", "Classic Club"]);
    expect(names(await resolvePrograms({ orgId: o.org.id, cardNumber: "9100999" }))).toEqual(["Card Default", "Premier Club"]);
    // An issued card records its series, whatever its number looks like.
    const customer = await db.customer.create({ data: { orgId: o.org.id } });
    await db.customerIdentifier.create({
      data: { orgId: o.org.id, customerId: customer.id, type: "CARD_NUMBER", value: "CARD-X-1", cardSeriesId: o.cardSeries.premier.id },
    });
    expect(names(await resolvePrograms({ orgId: o.org.id, cardNumber: "CARD-X-1", tillCode: "TILL-001" }))).toEqual(["Card Default", "Premier Club"]);
    expect(names(await resolvePrograms({ orgId: o.org.id, tillCode: "TILL-001" }))).toEqual(["Card Default"]);
    expect(names(await resolvePrograms({ orgId: o.org.id, cardNumber: "5555" }))).toEqual(["Card Default"]);
  });

  it("gives the default program only for an unknown, inactive or other org's till", async () => {
    const o = await createMlpOrg("CONCEPT", "Solo");
    await createMappedProgram(o.org.id, { name: "Trends Club", entityIds: [o.concepts.trends.id] });
    const other = await createMlpOrg("CONCEPT", "Other");
    await createMappedProgram(other.org.id, { name: "Other Trends", entityIds: [other.concepts.trends.id] });
    expect(names(await resolvePrograms({ orgId: o.org.id, tillCode: "NO-SUCH-TILL" }))).toEqual(["Solo Default"]);
    expect(names(await resolvePrograms({ orgId: o.org.id }))).toEqual(["Solo Default"]);
    await db.till.update({ where: { id: o.tills.till1.id }, data: { active: false } });
    expect(names(await resolvePrograms({ orgId: o.org.id, tillCode: "TILL-001" }))).toEqual(["Solo Default"]);
    // The other org has a TILL-001 too; its mapping never leaks into this org.
    expect(names(await resolvePrograms({ orgId: other.org.id, tillCode: "TILL-001" }))).toEqual(["Other Default", "Other Trends"]);
  });

  it("leaves out an inactive mapped program but always returns the default program", async () => {
    const o = await createMlpOrg("CONCEPT", "Idle");
    await createMappedProgram(o.org.id, { name: "Dormant", active: false, entityIds: [o.concepts.trends.id] });
    await db.program.update({ where: { id: o.defaultProgram.id }, data: { active: false } });
    expect(names(await resolvePrograms({ orgId: o.org.id, tillCode: "TILL-001" }))).toEqual(["Idle Default"]);
  });

  it("gives the default program only while the org has no MLP type", async () => {
    const o = await createMlpOrg(null, "Plain");
    expect(names(await resolvePrograms({ orgId: o.org.id, tillCode: "TILL-001", cardNumber: "9100123" }))).toEqual(["Plain Default"]);
  });
});
