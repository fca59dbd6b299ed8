import "server-only";
import { db } from "@/lib/db/client";
import type { MlpType } from "@/lib/generated/prisma/client";
import { cachedPerOrg } from "@/lib/org/cache";

export type ResolvedProgram = {
  id: number;
  name: string;
  isDefault: boolean;
  /** Why a non-default program applies: the entity mapped to it; null for the default program. */
  via: { type: MlpType; id: number; code: string } | null;
};

/**
 * The programs an event runs in (SPEC §5.2, §6; seed 003 "Handling MLP integrations"): the
 * default program always, first, plus at most one program mapped to
 * - ZONE MLP: the zone of the till's store;
 * - CONCEPT MLP: the concept of the till's store;
 * - CARD_SERIES MLP: the series of the card used (the card's identifier records it; else the
 *   series whose prefix the number starts with, the longest prefix winning).
 * Decisions where the docs are silent:
 * - an unknown, inactive or other org's till, or an unknown card, gives the default program only
 *   (the docs: "invalid or non-existent till code … only within the default program");
 * - an inactive mapped program is not returned: switching a program off stops it earning;
 * - the default program is returned even when inactive: every event is evaluated by it.
 */
export async function resolvePrograms({
  orgId,
  tillCode,
  cardNumber,
}: {
  orgId: number;
  tillCode?: string | null | undefined;
  cardNumber?: string | null | undefined;
}): Promise<ResolvedProgram[]> {
  const [org, defaultProgram] = await cachedPerOrg(orgId, "programs:default", () =>
    Promise.all([
      db.org.findFirst({ where: { id: orgId }, select: { mlpType: true } }),
      db.program.findFirst({ where: { orgId, isDefault: true }, select: { id: true, name: true } }),
    ]),
  );
  // Every org is created with its default program (DESIGN §2); missing it is a data bug.
  if (!defaultProgram) throw new Error(`Org ${orgId} has no default program`);
  const mlpType = org?.mlpType ?? null;
  const resolve = () => withMappedProgram(orgId, defaultProgram, mlpType, tillCode?.trim(), cardNumber?.trim());
  // A card's series is the customer's data, read every time; a till's program is the org's setup.
  if (mlpType === "CARD_SERIES") return resolve();
  return [...(await cachedPerOrg(orgId, `programs:till:${mlpType ? (tillCode?.trim() ?? "") : ""}`, resolve))];
}

async function withMappedProgram(
  orgId: number,
  defaultProgram: { id: number; name: string },
  mlpType: MlpType | null,
  tillCode: string | undefined,
  cardNumber: string | undefined,
): Promise<ResolvedProgram[]> {
  const programs: ResolvedProgram[] = [{ ...defaultProgram, isDefault: true, via: null }];
  const entity = mlpType ? await mappedEntity(orgId, mlpType, tillCode, cardNumber) : null;
  if (!entity) return programs;
  const mapping = await db.programEntity.findFirst({
    where: { orgId, entityType: entity.type, entityId: entity.id, program: { orgId, active: true, isDefault: false } },
    select: { program: { select: { id: true, name: true } } },
  });
  if (mapping) programs.push({ ...mapping.program, isDefault: false, via: entity });
  return programs;
}

async function mappedEntity(
  orgId: number,
  mlpType: MlpType,
  tillCode: string | undefined,
  cardNumber: string | undefined,
): Promise<{ type: MlpType; id: number; code: string } | null> {
  if (mlpType === "CARD_SERIES") {
    if (!cardNumber) return null;
    const series = await cardSeriesOf(orgId, cardNumber);
    return series ? { type: mlpType, ...series } : null;
  }
  if (!tillCode) return null;
  const till = await db.till.findFirst({
    where: { orgId, code: tillCode, active: true },
    select: { store: { select: { zone: { select: { id: true, code: true } }, concept: { select: { id: true, code: true } } } } },
  });
  if (!till) return null;
  const entity = mlpType === "ZONE" ? till.store.zone : till.store.concept;
  return { type: mlpType, ...entity };
}

async function cardSeriesOf(orgId: number, cardNumber: string): Promise<{ id: number; code: string } | null> {
  const issued = await db.customerIdentifier.findFirst({
    where: { orgId, type: "CARD_NUMBER", value: cardNumber, cardSeriesId: { not: null } },
    select: { cardSeries: { select: { id: true, code: true, orgId: true } } },
  });
  if (issued?.cardSeries && issued.cardSeries.orgId === orgId) return { id: issued.cardSeries.id, code: issued.cardSeries.code };
  const withPrefix = await db.cardSeries.findMany({
    where: { orgId, prefix: { not: null } },
    select: { id: true, code: true, prefix: true },
  });
  const match = withPrefix
    .filter((s) => s.prefix && cardNumber.startsWith(s.prefix))
    .sort((a, b) => (b.prefix?.length ?? 0) - (a.prefix?.length ?? 0))[0];
  return match ? { id: match.id, code: match.code } : null;
}
