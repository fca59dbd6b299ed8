import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/org/audit";
import { groupError } from "./errors";
import type { FleetHierarchyInput, FleetRoleInput } from "./fleet-schema";
import { inTransaction, uniqueViolation, type Tx } from "./store";

// Fleet hierarchies (SPEC §3.1): create, update, read, delete. They are org configuration, so
// every change is audited in the same transaction. DELETE deactivates (GET then answers 1610):
// customers stay associated and history stays readable.

const ROLE_SELECT = {
  id: true, hierarchyId: true, code: true, name: true, position: true, childRoleCode: true, maxChild: true,
  pointsAggregationRole: true, nonAutomatedPointsAggregationRole: true, permissions: true, createdAt: true,
} as const;
const HIERARCHY_SELECT = {
  id: true, code: true, name: true, description: true, autoGroupCreationEnabled: true, hierarchyCreationStrict: true,
  skipRoleAllowed: true, isDefault: true, active: true, createdBy: true, createdAt: true, updatedAt: true,
  roles: { select: ROLE_SELECT, orderBy: { position: "asc" } },
  _count: { select: { associations: true, companies: true } },
} as const satisfies Prisma.FleetHierarchySelect;

export type FleetHierarchyRecord = Prisma.FleetHierarchyGetPayload<{ select: typeof HIERARCHY_SELECT }>;

const NO_ROLES_WARNING = "No roles passed: customers can be associated once the hierarchy's roles are defined (PUT /v2/fleetHierarchy/{id}).";

export async function createFleetHierarchy({ orgId, actor, input }: { orgId: number; actor: Actor; input: FleetHierarchyInput }): Promise<{ id: number; warnings: string[] }> {
  try {
    return await inTransaction(async (tx) => {
      if (await tx.fleetHierarchy.findFirst({ where: { orgId, code: input.code }, select: { id: true } })) throw groupError(1600, [input.code], "code");
      const isDefault = input.isDefault ?? false;
      if (isDefault) await tx.fleetHierarchy.updateMany({ where: { orgId, isDefault: true }, data: { isDefault: false } });
      const row = await tx.fleetHierarchy.create({
        data: {
          orgId,
          code: input.code,
          name: input.name ?? "",
          description: input.description ?? "",
          autoGroupCreationEnabled: input.autoGroupCreationEnabled ?? false,
          hierarchyCreationStrict: input.hierarchyCreationStrict ?? true,
          skipRoleAllowed: input.skipRoleAllowed ?? false,
          isDefault,
          active: input.active ?? true,
          createdBy: actor.label,
          roles: { create: (input.roles ?? []).map((role, position) => roleData(orgId, role, position)) },
        },
        select: HIERARCHY_SELECT,
      });
      await recordAudit(tx, { orgId, actor, action: "fleetHierarchy.create", entityType: "FleetHierarchy", entityId: row.id, after: auditView(row) });
      return { id: row.id, warnings: input.roles === undefined ? [NO_ROLES_WARNING] : [] };
    });
  } catch (error) {
    const index = uniqueViolation(error);
    if (index?.includes("one_default")) throw new AppError("CONFLICT", "Another hierarchy became the default at the same time; try again.", { code: 409 });
    if (index !== null) throw groupError(1600, [input.code], "code");
    throw error;
  }
}

/**
 * Updates what the request sends. Once customers are associated, the role chain (codes, order,
 * aggregation role) is fixed (1711); names, child caps and permissions may still change.
 */
export async function updateFleetHierarchy({ orgId, actor, id, input }: { orgId: number; actor: Actor; id: number; input: FleetHierarchyInput }): Promise<{ id: number; warnings: string[] }> {
  return inTransaction(async (tx) => {
    const before = await tx.fleetHierarchy.findFirst({ where: { id, orgId }, select: HIERARCHY_SELECT });
    if (!before) throw groupError(1609, [id]);
    if (input.code && input.code !== before.code) {
      if (await tx.fleetHierarchy.findFirst({ where: { orgId, code: input.code }, select: { id: true } })) throw groupError(1600, [input.code], "code");
    }
    const auto = input.autoGroupCreationEnabled ?? before.autoGroupCreationEnabled;
    const roles = input.roles ?? before.roles.map(storedRole);
    if (auto && roles.length > 0 && !roles.some((r) => r.pointsAggregationRole)) throw groupError(1614, [], "isAutoGroupCreationEnabled");
    if (input.roles && before._count.associations > 0 && chainOf(input.roles) !== chainOf(before.roles.map(storedRole))) throw groupError(1711, [], "roles");
    if (input.isDefault) await tx.fleetHierarchy.updateMany({ where: { orgId, isDefault: true, id: { not: id } }, data: { isDefault: false } });

    await tx.fleetHierarchy.update({
      where: { id },
      data: {
        ...(input.code ? { code: input.code } : {}),
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.autoGroupCreationEnabled !== undefined ? { autoGroupCreationEnabled: input.autoGroupCreationEnabled } : {}),
        ...(input.hierarchyCreationStrict !== undefined ? { hierarchyCreationStrict: input.hierarchyCreationStrict } : {}),
        ...(input.skipRoleAllowed !== undefined ? { skipRoleAllowed: input.skipRoleAllowed } : {}),
        ...(input.isDefault !== undefined ? { isDefault: input.isDefault } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
      },
    });
    if (input.roles) await replaceRoles(tx, orgId, before, input.roles);
    const after = await tx.fleetHierarchy.findUniqueOrThrow({ where: { id }, select: HIERARCHY_SELECT });
    await recordAudit(tx, { orgId, actor, action: "fleetHierarchy.update", entityType: "FleetHierarchy", entityId: id, before: auditView(before), after: auditView(after) });
    return { id, warnings: after.roles.length === 0 ? [NO_ROLES_WARNING] : [] };
  });
}

/** Roles are matched by code: kept ones are updated in place (associations point at them), the rest replaced. */
async function replaceRoles(tx: Tx, orgId: number, before: FleetHierarchyRecord, roles: FleetRoleInput[]) {
  const keep = new Set(roles.map((r) => r.code));
  const gone = before.roles.filter((r) => !keep.has(r.code)).map((r) => r.id);
  if (gone.length > 0) await tx.fleetRole.deleteMany({ where: { id: { in: gone } } });
  for (const [position, role] of roles.entries()) {
    const data = roleData(orgId, role, position);
    await tx.fleetRole.upsert({ where: { hierarchyId_code: { hierarchyId: before.id, code: role.code } }, create: { ...data, hierarchyId: before.id }, update: data });
  }
}

/** Deactivates a hierarchy (vendor §E.6 DELETE → `{entity}`); it no longer takes associations. */
export async function deleteFleetHierarchy({ orgId, actor, id }: { orgId: number; actor: Actor; id: number }): Promise<{ id: number }> {
  return inTransaction(async (tx) => {
    const before = await tx.fleetHierarchy.findFirst({ where: { id, orgId }, select: HIERARCHY_SELECT });
    if (!before) throw groupError(1609, [id]);
    if (!before.active) throw groupError(1610);
    const after = await tx.fleetHierarchy.update({ where: { id }, data: { active: false, isDefault: false }, select: HIERARCHY_SELECT });
    await recordAudit(tx, { orgId, actor, action: "fleetHierarchy.delete", entityType: "FleetHierarchy", entityId: id, before: auditView(before), after: auditView(after) });
    return { id };
  });
}

/** One hierarchy by id or code; an unknown one is 1609, an inactive one 1610 unless `includeInactive` (the console). */
export async function getFleetHierarchy({ orgId, id, code, includeInactive = false }: { orgId: number; id?: number | undefined; code?: string | undefined; includeInactive?: boolean }): Promise<FleetHierarchyRecord> {
  const row = await db.fleetHierarchy.findFirst({ where: { orgId, ...(id !== undefined ? { id } : { code: code ?? "" }) }, select: HIERARCHY_SELECT });
  if (!row) throw groupError(1609, [id ?? code ?? ""]);
  if (!row.active && !includeInactive) throw groupError(1610);
  return row;
}

/** The org's hierarchies, default first then by code (the console list and GET /v2/fleetHierarchy/all). */
export async function listFleetHierarchies({ orgId, activeOnly = false }: { orgId: number; activeOnly?: boolean }): Promise<FleetHierarchyRecord[]> {
  return db.fleetHierarchy.findMany({ where: { orgId, ...(activeOnly ? { active: true } : {}) }, orderBy: [{ isDefault: "desc" }, { active: "desc" }, { code: "asc" }], select: HIERARCHY_SELECT });
}

/** The API's view of a hierarchy: both spellings of the flags (SPEC §3.1: GET uses the legacy names; we echo `is*` too). */
export function fleetHierarchyJson(h: FleetHierarchyRecord) {
  return {
    id: h.id,
    code: h.code,
    name: h.name,
    description: h.description,
    autoGroupCreationEnabled: h.autoGroupCreationEnabled,
    hierarchyCreationStrict: h.hierarchyCreationStrict,
    skipRoleAllowed: h.skipRoleAllowed,
    default: h.isDefault,
    active: h.active,
    isAutoGroupCreationEnabled: h.autoGroupCreationEnabled,
    isHierarchyCreationStrict: h.hierarchyCreationStrict,
    isSkipRoleAllowed: h.skipRoleAllowed,
    isDefault: h.isDefault,
    isActive: h.active,
    createdBy: h.createdBy,
    createdOn: h.createdAt.toISOString(),
    roles: h.roles.map((r) => ({
      id: r.id,
      hierarchyId: r.hierarchyId,
      code: r.code,
      name: r.name,
      childRoleCode: r.childRoleCode,
      maxChild: r.maxChild,
      pointsAggregationRole: r.pointsAggregationRole,
      nonAutomatedPointsAggregationRole: r.nonAutomatedPointsAggregationRole,
      permissions: r.permissions as { permissionCode: string; permissionValue: boolean }[],
      createdBy: h.createdBy,
      createdOn: r.createdAt.toISOString(),
    })),
  };
}

function roleData(orgId: number, role: FleetRoleInput, position: number) {
  return {
    orgId,
    code: role.code,
    name: role.name,
    position,
    childRoleCode: role.childRoleCode,
    maxChild: role.maxChild,
    pointsAggregationRole: role.pointsAggregationRole,
    nonAutomatedPointsAggregationRole: role.nonAutomatedPointsAggregationRole,
    permissions: role.permissions,
  };
}

export function storedRole(r: FleetHierarchyRecord["roles"][number]): FleetRoleInput {
  return {
    code: r.code,
    name: r.name,
    childRoleCode: r.childRoleCode,
    maxChild: r.maxChild,
    pointsAggregationRole: r.pointsAggregationRole,
    nonAutomatedPointsAggregationRole: r.nonAutomatedPointsAggregationRole,
    permissions: r.permissions as FleetRoleInput["permissions"],
  };
}

/** The structural part of a chain: codes in order and which one aggregates. */
function chainOf(roles: FleetRoleInput[]): string {
  return roles.map((r) => `${r.code}${r.pointsAggregationRole ? "*" : ""}>${r.childRoleCode ?? ""}`).join("|");
}

function auditView(h: FleetHierarchyRecord) {
  return { ...fleetHierarchyJson(h), createdOn: undefined, roles: h.roles.map(storedRole) };
}
