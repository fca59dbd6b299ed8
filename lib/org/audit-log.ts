import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageOf, skipFor, type Page } from "@/lib/pagination";
import { dateRangeOf, type AuditFilters } from "./audit-log-schema";

export type AuditEntryRow = {
  id: number;
  at: Date;
  actorType: "USER" | "API_CLIENT" | "SYSTEM";
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

export const AUDIT_PAGE_SIZE = 25;

/** The org's audit entries matching the filters, newest first, one page at a time. */
export async function listAuditEntries({
  orgId,
  filters,
  entity,
  page,
  pageSize = AUDIT_PAGE_SIZE,
}: {
  orgId: number;
  filters: AuditFilters;
  /** One entity's entries only (a customer's Audit tab). */
  entity?: { type: string; id: string | number };
  page: number;
  pageSize?: number;
}): Promise<Page<AuditEntryRow>> {
  const where: Prisma.AuditEntryWhereInput = { ...whereOf(orgId, filters), ...(entity ? { entityType: entity.type, entityId: String(entity.id) } : {}) };
  const total = await db.auditEntry.count({ where });
  // A page past the end (an old link, a narrower filter) shows the last page rather than nothing.
  const current = Math.min(page, Math.max(1, Math.ceil(total / pageSize)));
  const rows = await db.auditEntry.findMany({
    where,
    // id breaks ties: entries written in one transaction share a timestamp.
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: skipFor(current, pageSize),
    take: pageSize,
    select: { id: true, at: true, actorType: true, actorLabel: true, action: true, entityType: true, entityId: true, before: true, after: true },
  });
  return pageOf(rows, total, current, pageSize);
}

/** The values the filter selects offer: what this org's log actually holds. */
export async function listAuditFilterOptions({ orgId }: { orgId: number }): Promise<{ actors: string[]; actions: string[]; entityTypes: string[] }> {
  const [actors, actions, entityTypes] = await Promise.all([
    db.auditEntry.findMany({ where: { orgId }, distinct: ["actorLabel"], select: { actorLabel: true }, orderBy: { actorLabel: "asc" } }),
    db.auditEntry.findMany({ where: { orgId }, distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
    db.auditEntry.findMany({ where: { orgId }, distinct: ["entityType"], select: { entityType: true }, orderBy: { entityType: "asc" } }),
  ]);
  return {
    actors: actors.map((a) => a.actorLabel),
    actions: actions.map((a) => a.action),
    entityTypes: entityTypes.map((e) => e.entityType),
  };
}

function whereOf(orgId: number, filters: AuditFilters): Prisma.AuditEntryWhereInput {
  const where: Prisma.AuditEntryWhereInput = { orgId };
  if (filters.actor) where.actorLabel = filters.actor;
  if (filters.action) where.action = filters.action;
  if (filters.entityType) where.entityType = filters.entityType;
  const range = dateRangeOf(filters);
  if (range.gte || range.lt) where.at = range;
  return where;
}
