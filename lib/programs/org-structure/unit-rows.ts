import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrgUnitInput, OrgUnitKind } from "./schema";

// The per-kind database reads and writes behind units.ts, one switch each, so the rules there are
// written once for all five kinds. Every query carries the org: never a unit by id alone.

type Tx = Prisma.TransactionClient;

/** A unit as the audit log records it (before/after): its own columns, references by id. */
export type UnitSnapshot = {
  id: number;
  code: string;
  name: string;
  active: boolean;
  prefix?: string | null;
  zoneId?: number;
  conceptId?: number;
  storeId?: number;
};

export const ENTITY_TYPE: Record<OrgUnitKind, string> = {
  zone: "Zone",
  concept: "Concept",
  cardSeries: "CardSeries",
  store: "Store",
  till: "Till",
};

const base = { id: true, code: true, name: true, active: true } as const;
const selects = {
  zone: base,
  concept: base,
  cardSeries: { ...base, prefix: true },
  store: { ...base, zoneId: true, conceptId: true },
  till: { ...base, storeId: true },
} as const;

export async function findUnit(tx: Tx, kind: OrgUnitKind, orgId: number, id: number): Promise<UnitSnapshot | null> {
  const where = { id, orgId };
  switch (kind) {
    case "zone":
      return tx.zone.findFirst({ where, select: selects.zone });
    case "concept":
      return tx.concept.findFirst({ where, select: selects.concept });
    case "cardSeries":
      return tx.cardSeries.findFirst({ where, select: selects.cardSeries });
    case "store":
      return tx.store.findFirst({ where, select: selects.store });
    case "till":
      return tx.till.findFirst({ where, select: selects.till });
  }
}

/** The id of the org's unit of this kind holding the code, or null. */
export async function unitIdByCode(tx: Tx, kind: OrgUnitKind, orgId: number, code: string): Promise<number | null> {
  const args = { where: { orgId, code }, select: { id: true } } as const;
  const row =
    kind === "zone"
      ? await tx.zone.findFirst(args)
      : kind === "concept"
        ? await tx.concept.findFirst(args)
        : kind === "cardSeries"
          ? await tx.cardSeries.findFirst(args)
          : kind === "store"
            ? await tx.store.findFirst(args)
            : await tx.till.findFirst(args);
  return row?.id ?? null;
}

/** Creates the unit, or updates it when an id is given (scoped by org: a foreign id updates nothing). */
export async function writeUnit(tx: Tx, orgId: number, input: OrgUnitInput, id?: number): Promise<UnitSnapshot | null> {
  const { code, name } = input;
  switch (input.kind) {
    case "zone": {
      const data = { code, name };
      if (id === undefined) return tx.zone.create({ data: { ...data, orgId }, select: selects.zone });
      return (await tx.zone.updateMany({ where: { id, orgId }, data })).count ? findUnit(tx, "zone", orgId, id) : null;
    }
    case "concept": {
      const data = { code, name };
      if (id === undefined) return tx.concept.create({ data: { ...data, orgId }, select: selects.concept });
      return (await tx.concept.updateMany({ where: { id, orgId }, data })).count ? findUnit(tx, "concept", orgId, id) : null;
    }
    case "cardSeries": {
      const data = { code, name, prefix: input.prefix };
      if (id === undefined) return tx.cardSeries.create({ data: { ...data, orgId }, select: selects.cardSeries });
      return (await tx.cardSeries.updateMany({ where: { id, orgId }, data })).count ? findUnit(tx, "cardSeries", orgId, id) : null;
    }
    case "store": {
      const data = { code, name, zoneId: input.zoneId, conceptId: input.conceptId };
      if (id === undefined) return tx.store.create({ data: { ...data, orgId }, select: selects.store });
      return (await tx.store.updateMany({ where: { id, orgId }, data })).count ? findUnit(tx, "store", orgId, id) : null;
    }
    case "till": {
      const data = { code, name, storeId: input.storeId };
      if (id === undefined) return tx.till.create({ data: { ...data, orgId }, select: selects.till });
      return (await tx.till.updateMany({ where: { id, orgId }, data })).count ? findUnit(tx, "till", orgId, id) : null;
    }
  }
}

/**
 * Flips `active`, conditional on it still holding the opposite value, so two admins doing the
 * same at once record one change. Returns how many rows changed (0 or 1).
 */
export async function flipActive(tx: Tx, kind: OrgUnitKind, orgId: number, id: number, active: boolean): Promise<number> {
  const args = { where: { id, orgId, active: !active }, data: { active } };
  switch (kind) {
    case "zone":
      return (await tx.zone.updateMany(args)).count;
    case "concept":
      return (await tx.concept.updateMany(args)).count;
    case "cardSeries":
      return (await tx.cardSeries.updateMany(args)).count;
    case "store":
      return (await tx.store.updateMany(args)).count;
    case "till":
      return (await tx.till.updateMany(args)).count;
  }
}

/** Active stores of a zone or concept, active tills of a store; 0 for kinds without children. */
export async function countActiveChildren(tx: Tx, kind: OrgUnitKind, orgId: number, id: number): Promise<number> {
  if (kind === "zone") return tx.store.count({ where: { orgId, zoneId: id, active: true } });
  if (kind === "concept") return tx.store.count({ where: { orgId, conceptId: id, active: true } });
  if (kind === "store") return tx.till.count({ where: { orgId, storeId: id, active: true } });
  return 0;
}

/** The parents a unit hangs from (a store's zone and concept, a till's store), by kind and id. */
export function parentsOf(kind: OrgUnitKind, unit: Pick<UnitSnapshot, "zoneId" | "conceptId" | "storeId">): { kind: OrgUnitKind; id: number }[] {
  if (kind === "store" && unit.zoneId !== undefined && unit.conceptId !== undefined) {
    return [
      { kind: "zone", id: unit.zoneId },
      { kind: "concept", id: unit.conceptId },
    ];
  }
  if (kind === "till" && unit.storeId !== undefined) return [{ kind: "store", id: unit.storeId }];
  return [];
}
