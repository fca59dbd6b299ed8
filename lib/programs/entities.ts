import "server-only";
import { db } from "@/lib/db/client";
import type { MlpType, Prisma } from "@/lib/generated/prisma/client";
import type { MlpEntityType } from "./schema";

type Reader = Prisma.TransactionClient | typeof db;

export type EntityRef = { type: MlpEntityType; id: number; code: string; name: string };

/**
 * Zones, concepts or card series of one org by id (SPEC §6: the org's MLP type says which).
 * Read here rather than through lib/programs/org-structure, which owns their editing.
 */
export async function findEntities(
  reader: Reader,
  orgId: number,
  type: MlpType,
  ids?: number[],
  { activeOnly = false }: { activeOnly?: boolean } = {},
): Promise<EntityRef[]> {
  // New mappings only to active entities; existing mappings still show deactivated ones.
  const where = { orgId, ...(ids ? { id: { in: ids } } : {}), ...(activeOnly ? { active: true } : {}) };
  const select = { id: true, code: true, name: true } as const;
  const orderBy = { name: "asc" } as const;
  const rows =
    type === "ZONE"
      ? await reader.zone.findMany({ where, select, orderBy })
      : type === "CONCEPT"
        ? await reader.concept.findMany({ where, select, orderBy })
        : await reader.cardSeries.findMany({ where, select, orderBy });
  return rows.map((row) => ({ type, ...row }));
}

/** Names of the entities mapped to each program, keyed by program id. */
export async function entitiesByProgram(reader: Reader, orgId: number, programIds: number[]): Promise<Map<number, EntityRef[]>> {
  const out = new Map<number, EntityRef[]>();
  if (programIds.length === 0) return out;
  const mappings = await reader.programEntity.findMany({
    where: { orgId, programId: { in: programIds } },
    select: { programId: true, entityType: true, entityId: true },
  });
  const refs = new Map<string, EntityRef>();
  for (const type of ["ZONE", "CONCEPT", "CARD_SERIES"] as const) {
    const ids = mappings.filter((m) => m.entityType === type).map((m) => m.entityId);
    if (ids.length === 0) continue;
    for (const ref of await findEntities(reader, orgId, type, ids)) refs.set(`${type}:${ref.id}`, ref);
  }
  for (const m of mappings) {
    const ref = refs.get(`${m.entityType}:${m.entityId}`);
    if (!ref) continue;
    const list = out.get(m.programId) ?? [];
    list.push(ref);
    out.set(m.programId, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.name.localeCompare(b.name));
  return out;
}

export type MappableEntity = EntityRef & { mappedTo: { id: number; name: string } | null };

/**
 * What the Create Program form offers: the org's MLP type and its entities, each with the program
 * it is already mapped to (an entity belongs to one non-default program only).
 */
export async function listMappableEntities({ orgId }: { orgId: number }): Promise<{ mlpType: MlpEntityType | null; entities: MappableEntity[] }> {
  const org = await db.org.findFirst({ where: { id: orgId }, select: { mlpType: true } });
  const mlpType = org?.mlpType ?? null;
  if (!mlpType) return { mlpType: null, entities: [] };
  const [entities, mappings] = await Promise.all([
    findEntities(db, orgId, mlpType, undefined, { activeOnly: true }),
    db.programEntity.findMany({
      where: { orgId, entityType: mlpType },
      select: { entityId: true, program: { select: { id: true, name: true } } },
    }),
  ]);
  const mappedTo = new Map(mappings.map((m) => [m.entityId, m.program]));
  return { mlpType, entities: entities.map((e) => ({ ...e, mappedTo: mappedTo.get(e.id) ?? null })) };
}

/** Console users of the org who can be named contributors (SPEC §6 "Add contributors"). */
export async function listContributorCandidates({ orgId }: { orgId: number }): Promise<{ id: number; name: string; email: string }[]> {
  return db.user.findMany({ where: { orgId, active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true } });
}
