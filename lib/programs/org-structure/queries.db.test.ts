import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { PAGE_SIZE } from "@/lib/pagination";
import { createOrg } from "@/lib/testing/factories";
import { createStructure } from "@/lib/testing/org-structure-factories";
import { countOrgUnits, listOrgUnits, listUnitChoices } from "./queries";

describe("listOrgUnits", () => {
  it("pages a kind by code, with references and active-children counts", async () => {
    const { org } = await createOrg();
    const { zone, concept, store, till } = await createStructure(org.id);
    await db.till.createMany({
      data: Array.from({ length: PAGE_SIZE + 3 }, (_, i) => ({ orgId: org.id, code: `TILL-${String(i).padStart(3, "0")}`, name: `Till ${i}`, storeId: store.id })),
    });
    const first = await listOrgUnits({ orgId: org.id, kind: "till", page: 1 });
    const second = await listOrgUnits({ orgId: org.id, kind: "till", page: 2 });
    expect(first).toMatchObject({ total: PAGE_SIZE + 4, pageCount: 2, page: 1 });
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(first.rows[0]).toMatchObject({ code: till.code, kind: "till", store: { id: store.id, code: store.code } });
    // The factory's till (T-…) sorts first, so page 2 holds the last four of TILL-000…TILL-022.
    expect(second.rows.map((r) => r.code)).toEqual(["TILL-019", "TILL-020", "TILL-021", "TILL-022"]);

    const zones = await listOrgUnits({ orgId: org.id, kind: "zone", page: 1 });
    expect(zones.rows).toEqual([expect.objectContaining({ id: zone.id, activeChildren: 1 })]);
    const stores = await listOrgUnits({ orgId: org.id, kind: "store", page: 1 });
    expect(stores.rows[0]).toMatchObject({ activeChildren: PAGE_SIZE + 4, zone: { id: zone.id }, concept: { id: concept.id } });
  });

  it("never shows another org's units", async () => {
    const { org } = await createOrg();
    const other = await createOrg();
    await createStructure(other.org.id);
    for (const kind of ["zone", "concept", "cardSeries", "store", "till"] as const) {
      expect((await listOrgUnits({ orgId: org.id, kind, page: 1 })).total).toBe(0);
    }
    expect(await countOrgUnits({ orgId: org.id })).toEqual({ zone: 0, concept: 0, cardSeries: 0, store: 0, till: 0 });
    expect(await countOrgUnits({ orgId: other.org.id })).toEqual({ zone: 1, concept: 1, cardSeries: 0, store: 1, till: 1 });
    expect(await listUnitChoices({ orgId: org.id })).toEqual({ zones: [], concepts: [], stores: [] });
  });
});
