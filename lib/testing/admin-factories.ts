import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";

// Factories for the admin settings tests (API clients, users, audit log), beside factories.ts.
const unique = () => randomBytes(4).toString("hex").toUpperCase();

/** A till in a fresh zone, concept and store of the org. */
export async function createTill(orgId: number, options: { active?: boolean } = {}) {
  const code = unique();
  const zone = await db.zone.create({ data: { orgId, code: `Z-${code}`, name: `Zone ${code}` } });
  const concept = await db.concept.create({ data: { orgId, code: `C-${code}`, name: `Concept ${code}` } });
  const store = await db.store.create({ data: { orgId, code: `S-${code}`, name: `Store ${code}`, zoneId: zone.id, conceptId: concept.id } });
  return db.till.create({ data: { orgId, code: `T-${code}`, name: `Till ${code}`, storeId: store.id, active: options.active ?? true } });
}
