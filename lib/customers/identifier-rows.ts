import "server-only";
import type { CustomerSource, IdentifierType, Prisma } from "@/lib/generated/prisma/client";
import { cardSeriesFor } from "./card-series";
import { customerError } from "./errors";
import { IDENTIFIER_TYPES, MULTI_ACCOUNT_SOURCES, type IdentifierName, type SourceName } from "./identifiers";
import type { IdentifierInput } from "./schema";

type Tx = Prisma.TransactionClient;

export type IdentifierRow = {
  name: IdentifierName;
  type: IdentifierType;
  value: string;
  source: CustomerSource;
  accountId: string;
  cardSeriesId: number | null;
  status: string | null;
};

/** The account an identifier lives in: required for multi-account sources (8045), refused for the others (8011). */
export function accountOf(source: SourceName, accountId: string | undefined): string {
  const account = accountId?.trim() ?? "";
  if (MULTI_ACCOUNT_SOURCES.includes(source)) {
    if (!account) throw customerError(8045, `source ${source} needs accountId`, "accountId");
    return account;
  }
  if (account) throw customerError(8011, `source ${source} has no accounts (got accountId ${account})`, "accountId");
  return "";
}

/** Identifiers as rows to store: cards checked against their series, duplicates in the request dropped. */
export async function toIdentifierRows(
  tx: Tx,
  orgId: number,
  source: SourceName,
  accountId: string,
  identifiers: readonly IdentifierInput[],
): Promise<IdentifierRow[]> {
  const rows: IdentifierRow[] = [];
  for (const id of identifiers) {
    const type = IDENTIFIER_TYPES[id.type];
    if (rows.some((r) => r.type === type && r.value === id.value)) continue;
    const series = id.type === "cardnumber" ? await cardSeriesFor(tx, orgId, id) : null;
    rows.push({
      name: id.type,
      type,
      value: id.value,
      source,
      accountId,
      cardSeriesId: series?.id ?? null,
      status: id.type === "cardnumber" ? (id.statusLabel ?? "ACTIVE") : null,
    });
  }
  return rows;
}

export type HeldIdentifier = { customerId: number; type: IdentifierType; value: string; source: CustomerSource; accountId: string };

/** Who already holds these identifiers, in any source of the org. */
export async function holdersOf(tx: Tx, orgId: number, rows: readonly Pick<IdentifierRow, "type" | "value">[]): Promise<HeldIdentifier[]> {
  if (rows.length === 0) return [];
  return tx.customerIdentifier.findMany({
    where: { orgId, OR: rows.map((r) => ({ type: r.type, value: r.value })) },
    select: { customerId: true, type: true, value: true, source: true, accountId: true },
  });
}

export const sameSlot = (a: Pick<IdentifierRow, "source" | "accountId">, b: Pick<IdentifierRow, "source" | "accountId">) =>
  a.source === b.source && a.accountId === b.accountId;

export const sameIdentifier = (a: Pick<IdentifierRow, "type" | "value">, b: Pick<IdentifierRow, "type" | "value">) =>
  a.type === b.type && a.value === b.value;
