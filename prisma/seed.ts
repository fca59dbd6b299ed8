// The demo org "Demo Retail": a concept-based multi-loyalty-program org that tells the stories of
// the source documents (seed 000 user groups, seed 001 group points, seed 003 MLP).
// Idempotent: every row is found by its natural key first; running it twice changes nothing.
// Refuses to run with NODE_ENV=production: these credentials are public.
import { pathToFileURL } from "node:url";
import { hashSecret } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/db/client";
import { databaseUrl, env } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DEMO } from "./seed-data";
import { seedFleets, seedGroups } from "./seed-groups";

/** Seeds the demo org; returns false when it was already there. */
export async function seedDemo(url: string): Promise<boolean> {
  if (env().NODE_ENV === "production") {
    throw new Error("Refusing to seed demo data with NODE_ENV=production: its credentials are public.");
  }
  const db = createPrismaClient(url, 2);
  try {
    const existing = await db.org.findUnique({ where: { slug: DEMO.org.slug }, select: { id: true } });
    await seedOrg(db);
    return existing === null;
  } finally {
    await db.$disconnect();
  }
}

async function seedOrg(db: PrismaClient) {
  const org = await db.org.upsert({
    where: { slug: DEMO.org.slug },
    update: {},
    create: { name: DEMO.org.name, slug: DEMO.org.slug, mlpType: "CONCEPT", mlpTypeSetAt: new Date() },
  });
  const orgId = org.id;

  const zoneIds = new Map<string, number>();
  for (const zone of DEMO.zones) {
    const row = await db.zone.upsert({
      where: { orgId_code: { orgId, code: zone.code } },
      update: {},
      create: { orgId, ...zone },
    });
    zoneIds.set(zone.code, row.id);
  }
  const conceptIds = new Map<string, number>();
  for (const concept of DEMO.concepts) {
    const row = await db.concept.upsert({
      where: { orgId_code: { orgId, code: concept.code } },
      update: {},
      create: { orgId, ...concept },
    });
    conceptIds.set(concept.code, row.id);
  }
  for (const series of DEMO.cardSeries) {
    await db.cardSeries.upsert({
      where: { orgId_code: { orgId, code: series.code } },
      update: {},
      create: { orgId, ...series },
    });
  }
  const tillIds = new Map<string, number>();
  for (const store of DEMO.stores) {
    const storeRow = await db.store.upsert({
      where: { orgId_code: { orgId, code: store.code } },
      update: {},
      create: {
        orgId,
        code: store.code,
        name: store.name,
        zoneId: must(zoneIds.get(store.zone)),
        conceptId: must(conceptIds.get(store.concept)),
      },
    });
    for (const till of store.tills) {
      const tillRow = await db.till.upsert({
        where: { orgId_code: { orgId, code: till.code } },
        update: {},
        create: { orgId, storeId: storeRow.id, ...till },
      });
      tillIds.set(till.code, tillRow.id);
    }
  }

  const userIds = new Map<string, number>();
  for (const user of DEMO.users) {
    const found = await db.user.findUnique({ where: { email: user.email }, select: { id: true } });
    const row =
      found ??
      (await db.user.create({
        data: { orgId, email: user.email, name: user.name, role: user.role, passwordHash: await hashSecret(user.password) },
        select: { id: true },
      }));
    userIds.set(user.email, row.id);
  }

  for (const program of DEMO.programs) {
    let row = await db.program.findUnique({ where: { orgId_name: { orgId, name: program.name } } });
    if (!row) {
      row = await db.program.create({
        data: {
          orgId,
          name: program.name,
          description: program.description,
          isDefault: program.isDefault,
          active: program.active,
          contributors: {
            create: program.contributors.map((email) => ({ orgId, userId: must(userIds.get(email)) })),
          },
          entities: {
            create: program.concepts.map((code) => ({
              orgId,
              entityType: "CONCEPT" as const,
              entityId: must(conceptIds.get(code)),
            })),
          },
        },
      });
    }
    for (const [index, tier] of program.tiers.entries()) {
      await db.tier.upsert({
        where: { programId_number: { programId: row.id, number: index + 1 } },
        update: {},
        create: { orgId, programId: row.id, number: index + 1, name: tier.name, threshold: tier.threshold },
      });
    }
  }

  for (const field of DEMO.extendedFields) {
    await db.extendedFieldDef.upsert({
      where: { orgId_scope_name: { orgId, scope: field.scope, name: field.name } },
      update: {},
      create: { orgId, ...field, allowedValues: [...field.allowedValues] },
    });
  }

  const series = await db.cardSeries.findMany({ where: { orgId }, select: { id: true, prefix: true } });
  const enrolIn = await db.program.findMany({
    where: { orgId, name: { in: [...DEMO.customerPrograms] } },
    select: { id: true, tiers: { select: { id: true }, orderBy: { number: "asc" }, take: 1 } },
  });
  for (const customer of DEMO.customers) {
    const found = await db.customer.findUnique({ where: { id: customer.id }, select: { id: true } });
    if (found) continue;
    const cardSeriesId = customer.card ? must(series.find((s) => s.prefix && customer.card?.startsWith(s.prefix))?.id) : null;
    await db.customer.create({
      data: {
        id: customer.id,
        orgId,
        firstName: customer.firstName,
        lastName: customer.lastName,
        registeredTill: must(tillIds.get(customer.till)),
        identifiers: {
          create: [
            { orgId, type: "MOBILE", value: customer.mobile },
            { orgId, type: "EMAIL", value: customer.email },
            { orgId, type: "EXTERNAL_ID", value: customer.externalId },
            ...(customer.card ? [{ orgId, type: "CARD_NUMBER" as const, value: customer.card, cardSeriesId, status: "ACTIVE" }] : []),
          ],
        },
        enrollments: { create: enrolIn.map((p) => ({ orgId, programId: p.id, tierId: p.tiers[0]?.id ?? null })) },
      },
    });
  }

  for (const [key, value] of Object.entries(DEMO.configs)) {
    await db.orgConfig.upsert({
      where: { orgId_key: { orgId, key } },
      update: {},
      create: { orgId, key, value },
    });
  }

  await seedGroups(db, orgId);
  await seedFleets(db, orgId);

  for (const client of DEMO.apiClients) {
    const found = await db.apiClient.findUnique({ where: { clientId: client.clientId }, select: { id: true, scopes: true } });
    if (!found) {
      await db.apiClient.create({
        data: {
          orgId,
          clientId: client.clientId,
          name: client.name,
          secretHash: await hashSecret(client.secret),
          tillId: client.till ? must(tillIds.get(client.till)) : null,
          scopes: [...client.scopes],
        },
      });
    } else if (client.scopes.some((s) => !found.scopes.includes(s))) {
      // A scope added since the last seed reaches the demo clients of an existing database too.
      await db.apiClient.update({ where: { id: found.id }, data: { scopes: [...new Set([...found.scopes, ...client.scopes])] } });
    }
  }
}

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error("seed data refers to a row it does not define");
  return value;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  seedDemo(databaseUrl()).then(
    (created) => console.log(created ? "Demo org seeded." : "Demo org already present; nothing changed."),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
