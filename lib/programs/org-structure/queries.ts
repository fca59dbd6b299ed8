import "server-only";
import { db } from "@/lib/db/client";
import type { MlpType } from "@/lib/generated/prisma/client";
import { PAGE_SIZE, pageOf, skipFor, type Page } from "@/lib/pagination";
import type { OrgUnitKind } from "./schema";

export type UnitRef = { id: number; code: string; name: string };
export type UnitChoice = UnitRef & { active: boolean };

/** One row of an Organisation list: the fields of its kind, the others null. */
export type OrgUnitRow = UnitRef & {
  kind: OrgUnitKind;
  active: boolean;
  prefix: string | null;
  zone: UnitChoice | null;
  concept: UnitChoice | null;
  store: UnitChoice | null;
  /** Active stores of a zone or concept, active tills of a store; 0 for the others. */
  activeChildren: number;
};

const ref = { select: { id: true, code: true, name: true, active: true } } as const;
const base = { id: true, code: true, name: true, active: true } as const;
const orderBy = [{ code: "asc" }, { id: "asc" }] as const;
const empty = { prefix: null, zone: null, concept: null, store: null, activeChildren: 0 };

/** One page of the org's units of a kind, by code. */
export async function listOrgUnits({ orgId, kind, page }: { orgId: number; kind: OrgUnitKind; page: number }): Promise<Page<OrgUnitRow>> {
  const where = { orgId };
  const paging = { where, orderBy: [...orderBy], skip: skipFor(page), take: PAGE_SIZE };
  const activeStores = { _count: { select: { stores: { where: { active: true } } } } } as const;
  switch (kind) {
    case "zone": {
      const [total, rows] = await Promise.all([db.zone.count({ where }), db.zone.findMany({ ...paging, select: { ...base, ...activeStores } })]);
      return pageOf(rows.map(({ _count, ...r }) => ({ ...empty, ...r, kind, activeChildren: _count.stores })), total, page);
    }
    case "concept": {
      const [total, rows] = await Promise.all([db.concept.count({ where }), db.concept.findMany({ ...paging, select: { ...base, ...activeStores } })]);
      return pageOf(rows.map(({ _count, ...r }) => ({ ...empty, ...r, kind, activeChildren: _count.stores })), total, page);
    }
    case "cardSeries": {
      const [total, rows] = await Promise.all([db.cardSeries.count({ where }), db.cardSeries.findMany({ ...paging, select: { ...base, prefix: true } })]);
      return pageOf(rows.map((r) => ({ ...empty, ...r, kind })), total, page);
    }
    case "store": {
      const select = { ...base, zone: ref, concept: ref, _count: { select: { tills: { where: { active: true } } } } } as const;
      const [total, rows] = await Promise.all([db.store.count({ where }), db.store.findMany({ ...paging, select })]);
      return pageOf(rows.map(({ _count, ...r }) => ({ ...empty, ...r, kind, activeChildren: _count.tills })), total, page);
    }
    case "till": {
      const [total, rows] = await Promise.all([db.till.count({ where }), db.till.findMany({ ...paging, select: { ...base, store: ref } })]);
      return pageOf(rows.map((r) => ({ ...empty, ...r, kind })), total, page);
    }
  }
}

/** How many units of each kind the org has (the tab labels). */
export async function countOrgUnits({ orgId }: { orgId: number }): Promise<Record<OrgUnitKind, number>> {
  const where = { orgId };
  const [zone, concept, cardSeries, store, till] = await Promise.all([
    db.zone.count({ where }),
    db.concept.count({ where }),
    db.cardSeries.count({ where }),
    db.store.count({ where }),
    db.till.count({ where }),
  ]);
  return { zone, concept, cardSeries, store, till };
}

/**
 * What the store and till forms offer in their selects. Inactive units come too, flagged, so an
 * edit form can show a store's current (deactivated) zone; the form offers only active ones.
 */
export async function listUnitChoices({ orgId }: { orgId: number }): Promise<{ zones: UnitChoice[]; concepts: UnitChoice[]; stores: UnitChoice[] }> {
  const args = { where: { orgId }, orderBy: [...orderBy], select: base };
  const [zones, concepts, stores] = await Promise.all([db.zone.findMany(args), db.concept.findMany(args), db.store.findMany(args)]);
  return { zones, concepts, stores };
}

export type MlpState = { mlpType: MlpType | null; mlpTypeSetAt: Date | null };

export async function getMlpState({ orgId }: { orgId: number }): Promise<MlpState> {
  const org = await db.org.findFirst({ where: { id: orgId }, select: { mlpType: true, mlpTypeSetAt: true } });
  return { mlpType: org?.mlpType ?? null, mlpTypeSetAt: org?.mlpTypeSetAt ?? null };
}
