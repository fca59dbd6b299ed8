import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import type { MlpType } from "@/lib/generated/prisma/client";
import { adjust, debit, earn } from "@/lib/ledger/post";
import { createOrg } from "./factories";

// Test data for programs: an org with an MLP type and a little structure (two zones, two
// concepts, two card series, two stores with a till each), built through the app's Prisma client.
const unique = () => randomBytes(4).toString("hex");

export async function createMlpOrg(mlpType: MlpType | null, name = `Org ${unique()}`) {
  const { org, defaultProgram } = await createOrg(name);
  if (mlpType) await db.org.update({ where: { id: org.id }, data: { mlpType, mlpTypeSetAt: new Date() } });
  const orgId = org.id;
  const [north, south] = await Promise.all([
    db.zone.create({ data: { orgId, code: "NORTH", name: "North" } }),
    db.zone.create({ data: { orgId, code: "SOUTH", name: "South" } }),
  ]);
  const [trends, jewel] = await Promise.all([
    db.concept.create({ data: { orgId, code: "TRENDS", name: "Trends" } }),
    db.concept.create({ data: { orgId, code: "JEWEL", name: "Jewel" } }),
  ]);
  const [classic, premier] = await Promise.all([
    db.cardSeries.create({ data: { orgId, code: "CLASSIC", name: "Classic card", prefix: "9100" } }),
    db.cardSeries.create({ data: { orgId, code: "PREMIER", name: "Premier card", prefix: "91009" } }),
  ]);
  const store1 = await db.store.create({ data: { orgId, code: "STORE-001", name: "Trends North", zoneId: north.id, conceptId: trends.id } });
  const store2 = await db.store.create({ data: { orgId, code: "STORE-002", name: "Jewel South", zoneId: south.id, conceptId: jewel.id } });
  const till1 = await db.till.create({ data: { orgId, code: "TILL-001", name: "Till 1", storeId: store1.id } });
  const till2 = await db.till.create({ data: { orgId, code: "TILL-002", name: "Till 2", storeId: store2.id } });
  return { org, defaultProgram, zones: { north, south }, concepts: { trends, jewel }, cardSeries: { classic, premier }, tills: { till1, till2 } };
}

/** A program mapped straight in the database (bypassing createProgram), for read-side tests. */
export async function createMappedProgram(
  orgId: number,
  options: { name?: string; active?: boolean; entityType?: MlpType; entityIds?: number[] } = {},
) {
  return db.program.create({
    data: {
      orgId,
      name: options.name ?? `Program ${unique()}`,
      active: options.active ?? true,
      entities: {
        create: (options.entityIds ?? []).map((entityId) => ({ orgId, entityType: options.entityType ?? "CONCEPT", entityId })),
      },
    },
  });
}

/**
 * A ledger movement in a program, written by lib/ledger as every points writer does: `amount`
 * credited to a new customer for EARN and ADJUST; for REDEEM and EXPIRE the customer first gets
 * an adjustment to draw from (adjustments are not counted as issued).
 */
export async function postMovement(orgId: number, programId: number, kind: "EARN" | "REDEEM" | "EXPIRE" | "ADJUST", amount: number) {
  const customer = await db.customer.create({ data: { orgId } });
  const common = { orgId, programId, owner: { type: "CUSTOMER" as const, id: customer.id }, points: amount, provenance: { actor: SYSTEM_ACTOR, sourceType: "TEST" } };
  if (kind === "EARN") return earn(db, common);
  if (kind === "ADJUST") return adjust(db, common);
  await adjust(db, common);
  return debit(db, { ...common, kind });
}
