import "server-only";
import { db } from "@/lib/db/client";
import type { CustomerSource, IdentifierType, Prisma } from "@/lib/generated/prisma/client";

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
  const where: Prisma.CustomerWhereInput = {
    orgId,
    mergedIntoId: null,
    OR: [
      ...(asId !== null ? [{ id: asId }] : []),
      { firstName: { startsWith: text, mode: "insensitive" } },
      { lastName: { startsWith: text, mode: "insensitive" } },
      // "Asha Ra" matches Asha Raman.
      ...(rest.length > 0 && firstWord
        ? [{ firstName: { equals: firstWord, mode: "insensitive" as const }, lastName: { startsWith: rest.join(" "), mode: "insensitive" as const } }]
        : []),
      { identifiers: { some: { value: { startsWith: value, mode: "insensitive" } } } },
    ],
  };
  const [total, rows] = await Promise.all([
    db.customer.count({ where }),
    db.customer.findMany({
      where,
      orderBy: { id: "asc" },
      skip: offset,
      take: limit,
      select: { id: true, firstName: true, lastName: true, identifiers: { select: { type: true, value: true, source: true, accountId: true }, orderBy: { id: "asc" } } },
    }),
  ]);
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
