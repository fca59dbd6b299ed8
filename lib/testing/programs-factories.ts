import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import type { MlpType, MovementKind } from "@/lib/generated/prisma/client";
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
 * A balanced ledger movement in a program: `amount` moves between a customer's account and the
 * program's system account (credit to the customer for EARN, debit for REDEEM and EXPIRE).
 */
export async function postMovement(orgId: number, programId: number, kind: MovementKind, amount: number) {
  const customer = await db.customer.create({ data: { orgId } });
  const owner = await db.pointsAccount.create({ data: { orgId, programId, ownerType: "CUSTOMER", ownerId: customer.id, allowNegative: true } });
  const systemKind = kind === "EARN" ? "ISSUANCE" : kind === "REDEEM" ? "REDEMPTION" : kind === "EXPIRE" ? "EXPIRY" : "ADJUSTMENT";
  const system =
    (await db.pointsAccount.findFirst({ where: { programId, systemKind } })) ??
    (await db.pointsAccount.create({ data: { orgId, programId, ownerType: "SYSTEM", systemKind, allowNegative: true } }));
  const toOwner = kind === "EARN" ? amount : -amount;
  return db.movement.create({
    data: {
      orgId,
      programId,
      kind,
      sourceType: "TEST",
      actorType: "SYSTEM",
      postings: {
        create: [
          { orgId, accountId: owner.id, amount: toOwner },
          { orgId, accountId: system.id, amount: -toOwner },
        ],
      },
    },
  });
}
