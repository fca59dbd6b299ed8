import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { customerError } from "./errors";
import type { IdentifierInput } from "./schema";

type Tx = Prisma.TransactionClient;

export type CardSeriesRef = { id: number; code: string };

/**
 * The declared, active card series a card number belongs to (issue 14): the series the caller
 * names (`seriesId` or `seriesCode`), whose prefix, if it has one, the number must start with; or,
 * when none is named, the active series whose prefix the number starts with (longest prefix wins,
 * as lib/programs/resolve-programs reads a card). Anything else is refused with 8013.
 */
export async function cardSeriesFor(tx: Tx, orgId: number, card: IdentifierInput): Promise<CardSeriesRef> {
  const select = { id: true, code: true, prefix: true, active: true } as const;
  if (card.seriesId !== undefined || card.seriesCode !== undefined) {
    const series = await tx.cardSeries.findFirst({
      where: { orgId, ...(card.seriesId !== undefined ? { id: card.seriesId } : { code: card.seriesCode }) },
      select,
    });
    const named = card.seriesId !== undefined ? `id ${card.seriesId}` : `code ${card.seriesCode}`;
    if (!series) throw customerError(8013, `card series ${named} is not declared`, "identifiers");
    if (!series.active) throw customerError(8013, `card series ${series.code} is not active`, "identifiers");
    if (series.prefix && !card.value.startsWith(series.prefix)) {
      throw customerError(8013, `card number ${card.value} does not start with series ${series.code}'s prefix ${series.prefix}`, "identifiers");
    }
    return { id: series.id, code: series.code };
  }
  const candidates = await tx.cardSeries.findMany({ where: { orgId, active: true, prefix: { not: null } }, select });
  const match = candidates
    .filter((s) => s.prefix && card.value.startsWith(s.prefix))
    .sort((a, b) => (b.prefix?.length ?? 0) - (a.prefix?.length ?? 0))[0];
  if (!match) throw customerError(8013, `card number ${card.value} is not in any active card series`, "identifiers");
  return { id: match.id, code: match.code };
}
