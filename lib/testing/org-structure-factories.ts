import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { createUser } from "./factories";

// Factories for the Organisation settings tests (lib/programs/org-structure), beside factories.ts.
const unique = () => randomBytes(3).toString("hex").toUpperCase();

/** An admin of the org, as the actor lib/ writes take. */
export async function adminActorOf(orgId: number): Promise<Actor> {
  const { user } = await createUser(orgId, "ADMIN");
  return { kind: "user", id: user.id, label: user.email };
}

/** A zone, a concept, a store in both and a till in the store, all active, with fresh codes. */
export async function createStructure(orgId: number) {
  const code = unique();
  const zone = await db.zone.create({ data: { orgId, code: `Z-${code}`, name: `Zone ${code}` } });
  const concept = await db.concept.create({ data: { orgId, code: `C-${code}`, name: `Concept ${code}` } });
  const store = await db.store.create({ data: { orgId, code: `S-${code}`, name: `Store ${code}`, zoneId: zone.id, conceptId: concept.id } });
  const till = await db.till.create({ data: { orgId, code: `T-${code}`, name: `Till ${code}`, storeId: store.id } });
  return { zone, concept, store, till };
}
