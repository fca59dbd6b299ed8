import { basic } from "@/lib/testing/factories";
import { award } from "@/lib/testing/transfers-factories";
import { db } from "@/lib/db/client";
import { databaseUrl } from "@/lib/env";
import { verifyLedger } from "@/lib/ledger/verify";
import { seedDemo } from "@/prisma/seed";
import type { Dictionary } from "./arbitrary";

// The org the fuzz suite hits: the demo org (programs with LIVE workflows, tiers, groups, fleets,
// customers with identifiers), seeded once per test file, with points on a few customers so that
// redemptions and transfers have something to move. Its ids and identifiers are the dictionary
// the generated inputs draw from.

export type FuzzContext = {
  orgId: number;
  /** The back-office client (every scope) and the POS client (its till, POS scopes). */
  authorizations: { backOffice: string; pos: string };
  dictionary: Dictionary;
};

export async function fuzzContext(): Promise<FuzzContext> {
  await seedDemo(databaseUrl());
  const org = await db.org.findUniqueOrThrow({ where: { slug: "demo-retail" } });
  const orgId = org.id;
  const programs = await db.program.findMany({ where: { orgId }, select: { id: true, name: true } });
  const customers = await db.customer.findMany({ where: { orgId }, select: { id: true }, take: 12, orderBy: { id: "asc" } });
  for (const program of programs) {
    for (const customer of customers.slice(0, 4)) await award(orgId, program.id, { type: "CUSTOMER", id: customer.id }, 5000);
  }
  await liftRateLimits(orgId);
  const identifiers = await db.customerIdentifier.findMany({ where: { orgId }, select: { value: true }, take: 30 });
  const groups = await db.userGroup.findMany({ where: { orgId }, select: { id: true, externalId: true }, take: 10 });
  const tills = await db.till.findMany({ where: { store: { orgId } }, select: { code: true } });
  const tiers = await db.tier.findMany({ where: { program: { orgId } }, select: { id: true, name: true } });
  const fleets = await db.fleetHierarchy.findMany({ where: { orgId }, select: { id: true } });
  const transactions = await db.transaction.findMany({ where: { orgId }, select: { id: true, number: true }, take: 10 });

  const integers = [...programs, ...customers, ...groups, ...tiers, ...fleets, ...transactions].map((r) => r.id);
  const strings = [
    ...identifiers.map((i) => i.value),
    ...groups.map((g) => g.externalId),
    ...tills.map((t) => t.code),
    ...tiers.map((t) => t.name),
    ...programs.map((p) => p.name),
    ...transactions.map((t) => t.number),
  ];
  return {
    orgId,
    authorizations: { backOffice: basic("demo-backoffice", "demo-backoffice-secret"), pos: basic("demo-pos", "demo-pos-secret") },
    dictionary: { integers: [...new Set([...integers, 1, 2])], strings: [...new Set(strings)] },
  };
}

/**
 * The fuzz measures the handlers, not the per-client rate limiter (its own tests do): thousands of
 * requests a minute from one client would otherwise be answered 429 from the second minute on.
 */
async function liftRateLimits(orgId: number) {
  await db.apiClient.updateMany({ where: { orgId }, data: { rateLimitPerMinute: 0 } });
}

/**
 * The ledger in one line: movements (append-only, so a new one always shows in count and max id),
 * postings, balances and what is left of the lots. Equal lines, same ledger; that balances and
 * lots agree with the postings is verifyLedger's job, at the end of each file.
 */
export async function ledgerFingerprint(): Promise<string> {
  const [row] = await db.$queryRaw<{ fingerprint: string }[]>`
    SELECT concat_ws('|',
      (SELECT count(*) FROM "Movement"), (SELECT coalesce(max(id), 0) FROM "Movement"), (SELECT count(*) FROM "Posting"),
      (SELECT coalesce(sum(abs(balance)), 0) FROM "PointsAccount"), (SELECT count(*) FROM "PointsAccount"),
      (SELECT coalesce(sum(remaining), 0) FROM "PointsLot"), (SELECT count(*) FROM "LotConsumption")
    ) AS fingerprint`;
  return row!.fingerprint;
}

export const verifyWholeLedger = () => verifyLedger(db, null);
