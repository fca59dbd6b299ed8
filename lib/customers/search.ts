import "server-only";
import { db } from "@/lib/db/client";
import { Prisma, type CustomerSource, type IdentifierType } from "@/lib/generated/prisma/client";

export type CustomerSearchHit = {
  id: number;
  firstName: string;
  lastName: string;
  /** The identifiers whose value starts with the text (all of them when the id matched). */
  matched: { type: IdentifierType; value: string; source: CustomerSource; accountId: string }[];
  sources: CustomerSource[];
};

export type CustomerSearchResult = { total: number; hits: CustomerSearchHit[] };

/**
 * Finds customers of the org by the start of a name or of any identifier (mobile, email, external
 * id, card, …) in every source, or by their id (SPEC-vendor-api §B.4 `search`, Member Care search).
 * Case-insensitive; a leading + of a mobile is ignored, as mobiles are stored without it. Ordered
 * by id, paged.
 */
export async function searchCustomers({ orgId, q, limit, offset }: { orgId: number; q: string; limit: number; offset: number }): Promise<CustomerSearchResult> {
  const text = q.trim();
  if (text === "") return { total: 0, hits: [] };
  const value = text.replace(/^\+(?=\d)/, "");
  const asId = /^\d{1,10}$/.test(text) && Number(text) <= 2147483647 ? Number(text) : null;
  const [firstWord, ...rest] = text.split(/\s+/);
  // lower(x) LIKE 'prefix%' on the prefix indexes (migration …_member_care_rollups); ILIKE, which
  // Prisma's insensitive startsWith sends, cannot use a btree and read every customer.
  const prefix = (s: string) => `${escapeLike(s.toLowerCase())}%`;
  const matches = Prisma.sql`
    SELECT id FROM "Customer" WHERE "orgId" = ${orgId} AND lower("firstName") LIKE ${prefix(text)}
    UNION SELECT id FROM "Customer" WHERE "orgId" = ${orgId} AND lower("lastName") LIKE ${prefix(text)}
    UNION SELECT "customerId" FROM "CustomerIdentifier" WHERE "orgId" = ${orgId} AND lower(value) LIKE ${prefix(value)}
    ${asId !== null ? Prisma.sql`UNION SELECT ${asId}::int` : Prisma.empty}
    ${
      rest.length > 0 && firstWord
        ? // "Asha Ra" matches Asha Raman.
          Prisma.sql`UNION SELECT id FROM "Customer" WHERE "orgId" = ${orgId} AND lower("firstName") = ${firstWord.toLowerCase()} AND lower("lastName") LIKE ${prefix(rest.join(" "))}`
        : Prisma.empty
    }`;
  const [counted, page] = await Promise.all([
    db.$queryRaw<{ total: number }[]>`
      SELECT COUNT(*)::int AS total FROM (${matches}) m JOIN "Customer" c ON c.id = m.id WHERE c."orgId" = ${orgId} AND c."mergedIntoId" IS NULL`,
    db.$queryRaw<{ id: number }[]>`
      SELECT c.id FROM (${matches}) m JOIN "Customer" c ON c.id = m.id WHERE c."orgId" = ${orgId} AND c."mergedIntoId" IS NULL
      ORDER BY c.id LIMIT ${limit} OFFSET ${offset}`,
  ]);
  const total = counted[0]?.total ?? 0;
  const found = await db.customer.findMany({
    where: { id: { in: page.map((r) => r.id) } },
    orderBy: { id: "asc" },
    select: { id: true, firstName: true, lastName: true, identifiers: { select: { type: true, value: true, source: true, accountId: true }, orderBy: { id: "asc" } } },
  });
  const rows = found;
  const lower = value.toLowerCase();
  return {
    total,
    hits: rows.map((r) => ({
      id: r.id,
      firstName: r.firstName,
      lastName: r.lastName,
      matched: r.id === asId ? r.identifiers : r.identifiers.filter((i) => i.value.toLowerCase().startsWith(lower)),
      sources: [...new Set(r.identifiers.map((i) => i.source))],
    })),
  };
}

/** LIKE's wildcards and its escape character, taken literally. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
