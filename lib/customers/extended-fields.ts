import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { mapDbError } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import type { ExtendedFieldDecl } from "@/lib/expr";
import { recordAudit } from "@/lib/org/audit";
import type { CreateExtendedField, FieldScopeName, FieldTypeName, UpdateExtendedField } from "./extended-fields-schema";

export type ExtendedFieldDefDto = {
  id: number;
  scope: FieldScopeName;
  name: string;
  type: FieldTypeName;
  allowedValues: string[];
  description: string;
  active: boolean;
  updatedAt: Date;
};

const SELECT = { id: true, scope: true, name: true, type: true, allowedValues: true, description: true, active: true, updatedAt: true } as const;

/** The org's field definitions (one scope or all), by scope then name. */
export async function listExtendedFieldDefs({
  orgId,
  scope,
  activeOnly = false,
}: {
  orgId: number;
  scope?: FieldScopeName;
  activeOnly?: boolean;
}): Promise<ExtendedFieldDefDto[]> {
  return db.extendedFieldDef.findMany({
    where: { orgId, ...(scope ? { scope } : {}), ...(activeOnly ? { active: true } : {}) },
    orderBy: [{ scope: "asc" }, { name: "asc" }],
    select: SELECT,
  });
}

/**
 * The declarations lib/expr's buildSchema wants. Deactivated fields are left out: a condition that
 * still names one gets UNKNOWN_ATTRIBUTE when next checked, which is the point of deactivating.
 */
export function toExprFields(defs: readonly Pick<ExtendedFieldDefDto, "scope" | "name" | "type" | "allowedValues" | "active">[]): ExtendedFieldDecl[] {
  return defs
    .filter((d) => d.active)
    .map((d) =>
      d.type === "ENUM"
        ? { name: d.name, scope: d.scope, type: "enum", allowedValues: [...d.allowedValues] }
        : { name: d.name, scope: d.scope, type: EXPR_TYPE[d.type] },
    );
}

const EXPR_TYPE = { STRING: "string", NUMBER: "number", BOOLEAN: "boolean", DATE: "date", ENUM: "enum" } as const satisfies Record<FieldTypeName, ExtendedFieldDecl["type"]>;

export async function createExtendedFieldDef({ orgId, actor, input }: { orgId: number; actor: Actor; input: CreateExtendedField }): Promise<ExtendedFieldDefDto> {
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.extendedFieldDef.create({
        data: { orgId, scope: input.scope, name: input.name, type: input.type, allowedValues: input.allowedValues, description: input.description },
        select: SELECT,
      });
      await recordAudit(tx, { orgId, actor, action: "extendedField.create", entityType: "ExtendedFieldDef", entityId: row.id, after: auditView(row) });
      return row;
    });
  } catch (error) {
    throw mapDbError(error, { unique: `A ${input.scope} field named ${input.name} already exists. Choose another name.`, field: "name" });
  }
}

/** Edits what may change after creation: the description and, for list fields, the allowed values. */
export async function updateExtendedFieldDef({ orgId, actor, input }: { orgId: number; actor: Actor; input: UpdateExtendedField }): Promise<ExtendedFieldDefDto> {
  return db.$transaction(async (tx) => {
    const before = await tx.extendedFieldDef.findFirst({ where: { id: input.id, orgId }, select: SELECT });
    if (!before) throw new AppError("NOT_FOUND", "That extended field does not exist in this org.");
    if (before.type === "ENUM" && input.allowedValues.length === 0) {
      throw new AppError("INVALID", "Enter at least one allowed value for a list field.", { field: "allowedValues" });
    }
    if (before.type !== "ENUM" && input.allowedValues.length > 0) {
      throw new AppError("INVALID", "Only list fields have allowed values.", { field: "allowedValues" });
    }
    const row = await tx.extendedFieldDef.update({
      where: { id: before.id, orgId },
      data: { description: input.description, allowedValues: input.allowedValues },
      select: SELECT,
    });
    await recordAudit(tx, { orgId, actor, action: "extendedField.update", entityType: "ExtendedFieldDef", entityId: row.id, before: auditView(before), after: auditView(row) });
    return row;
  });
}

export async function setExtendedFieldActive({ orgId, actor, id, active }: { orgId: number; actor: Actor; id: number; active: boolean }): Promise<ExtendedFieldDefDto> {
  return db.$transaction(async (tx) => {
    const before = await tx.extendedFieldDef.findFirst({ where: { id, orgId }, select: SELECT });
    if (!before) throw new AppError("NOT_FOUND", "That extended field does not exist in this org.");
    if (before.active === active) throw new AppError("CONFLICT", `${before.name} is already ${active ? "active" : "inactive"}.`);
    const row = await tx.extendedFieldDef.update({ where: { id, orgId }, data: { active }, select: SELECT });
    await recordAudit(tx, {
      orgId, actor, action: active ? "extendedField.reactivate" : "extendedField.deactivate", entityType: "ExtendedFieldDef", entityId: id,
      before: { name: before.name, active: before.active }, after: { name: row.name, active: row.active },
    });
    return row;
  });
}

function auditView(row: ExtendedFieldDefDto) {
  return { scope: row.scope, name: row.name, type: row.type, allowedValues: row.allowedValues, description: row.description, active: row.active };
}
