import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { customerError } from "./errors";
import { accountOf } from "./identifier-rows";
import { IDENTIFIER_TYPES, normaliseIdentifier, type IdentifierName, type SourceName } from "./identifiers";

type Reader = Prisma.TransactionClient | typeof db;

export type CustomerRef = { id: number; firstName: string; lastName: string; loyaltyType: "LOYALTY" | "NON_LOYALTY"; mergedIntoId: number | null };

export type IdentifierLookup = {
  orgId: number;
  /** An identifier type as the API names it, or `id` for the customer's own number. */
  identifierName: IdentifierName | "id";
  identifierValue: string;
  /** `ALL` looks in every source. */
  source: SourceName | "ALL";
  accountId?: string | undefined;
  /** The caller's transaction, when the lookup is part of a write (groups, transactions). */
  tx?: Prisma.TransactionClient | undefined;
};

const REF = { id: true, firstName: true, lastName: true, loyaltyType: true, mergedIntoId: true } as const;

/**
 * The customer an identifier names, in the caller's org (or null). For other domains: groups
 * (members by mobile), transactions (the buyer). Mobiles are read without a leading +, emails
 * case-insensitively, as they are stored. A merged customer is returned as it is
 * (`mergedIntoId` set): callers decide; lookupCustomer refuses it with 8069.
 */
export async function findCustomerByIdentifier(lookup: IdentifierLookup): Promise<CustomerRef | null> {
  const reader: Reader = lookup.tx ?? db;
  const { orgId, identifierName, source } = lookup;
  if (identifierName === "id") {
    const id = /^\d{1,10}$/.test(lookup.identifierValue.trim()) ? Number(lookup.identifierValue.trim()) : NaN;
    if (!Number.isSafeInteger(id) || id > 2147483647) return null;
    return reader.customer.findFirst({ where: { id, orgId }, select: REF });
  }
  const row = await reader.customerIdentifier.findFirst({
    where: {
      orgId,
      type: IDENTIFIER_TYPES[identifierName],
      value: normaliseIdentifier(identifierName, lookup.identifierValue),
      ...(source === "ALL" ? {} : { source, ...(lookup.accountId ? { accountId: lookup.accountId } : {}) }),
    },
    orderBy: { id: "asc" },
    select: { customer: { select: REF } },
  });
  return row?.customer ?? null;
}

/**
 * GET /v2/customers/lookup's rule (SPEC-vendor-api §B.4): the customer, or 8065 when the
 * identifier exists only in another source, 8015 when it exists nowhere, 8069 when the account
 * was merged into another, 8045 / 8011 for a missing or needless source account.
 */
export async function lookupCustomer(lookup: IdentifierLookup): Promise<CustomerRef> {
  // A multi-account source needs its account (8045); the others take none (8011).
  if (lookup.source !== "ALL") accountOf(lookup.source, lookup.accountId);
  const found = await findCustomerByIdentifier(lookup);
  if (found) {
    if (found.mergedIntoId !== null) throw customerError(8069, `customer ${found.id} was merged into ${found.mergedIntoId}`);
    return found;
  }
  if (lookup.source !== "ALL" && lookup.identifierName !== "id") {
    const elsewhere = await findCustomerByIdentifier({ ...lookup, source: "ALL" });
    if (elsewhere) throw customerError(8065, `${lookup.identifierName} ${lookup.identifierValue} in ${lookup.source}`);
  }
  throw customerError(8015, `${lookup.identifierName} ${lookup.identifierValue}`);
}

/** The customer by id in the org, or 8009 / 8069. */
export async function requireCustomer({ orgId, customerId, tx }: { orgId: number; customerId: number; tx?: Prisma.TransactionClient }): Promise<CustomerRef> {
  const found = await (tx ?? db).customer.findFirst({ where: { id: customerId, orgId }, select: REF });
  if (!found) throw customerError(8009, `no customer ${customerId} in this org`);
  if (found.mergedIntoId !== null) throw customerError(8069, `customer ${customerId} was merged into ${found.mergedIntoId}`);
  return found;
}
