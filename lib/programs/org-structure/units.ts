import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/org/audit";
import { capitalise, deactivationRefusal, reactivationRefusal } from "./rules";
import { ORG_UNIT_LABELS, type OrgUnitInput, type OrgUnitKind, type OrgUnitUpdate } from "./schema";
import { countActiveChildren, ENTITY_TYPE, findUnit, flipActive, parentsOf, unitIdByCode, writeUnit, type UnitSnapshot } from "./unit-rows";

// Zones, concepts, card series, stores and tills (DESIGN §2, seed 003): create, edit, deactivate,
// reactivate. Every write runs in one transaction with its audit entry.

type Tx = Prisma.TransactionClient;

/** Creates a unit of the input's kind. Codes are unique per org (another org may use the same). */
export async function createOrgUnit({ orgId, actor, input }: { orgId: number; actor: Actor; input: OrgUnitInput }): Promise<UnitSnapshot> {
  return withUniqueCode(input, () =>
    db.$transaction(async (tx) => {
      await assertCodeFree(tx, orgId, input);
      await assertParentsUsable(tx, orgId, input, null);
      const created = await writeUnit(tx, orgId, input);
      if (!created) throw new Error("create returned no row");
      await recordAudit(tx, { orgId, actor, action: `${input.kind}.create`, entityType: ENTITY_TYPE[input.kind], entityId: created.id, after: created });
      return created;
    }),
  );
}

/** Edits a unit's code, name and references; a unit of another org is not found. */
export async function updateOrgUnit({ orgId, actor, input }: { orgId: number; actor: Actor; input: OrgUnitUpdate }): Promise<UnitSnapshot> {
  const { id, ...values } = input;
  return withUniqueCode(values, () =>
    db.$transaction(async (tx) => {
      const before = await findUnit(tx, input.kind, orgId, id);
      if (!before) throw notFoundError(input.kind);
      await assertCodeFree(tx, orgId, values, id);
      await assertParentsUsable(tx, orgId, values, before);
      const after = await writeUnit(tx, orgId, values, id);
      if (!after) throw notFoundError(input.kind);
      await recordAudit(tx, { orgId, actor, action: `${input.kind}.update`, entityType: ENTITY_TYPE[input.kind], entityId: id, before, after });
      return after;
    }),
  );
}

/**
 * Deactivates or reactivates a unit. Refused (409) while a zone or concept has active stores or a
 * store has active tills, and when reactivating under a deactivated parent (rules.ts says why).
 */
export async function setOrgUnitActive({
  orgId,
  actor,
  kind,
  id,
  active,
}: {
  orgId: number;
  actor: Actor;
  kind: OrgUnitKind;
  id: number;
  active: boolean;
}): Promise<UnitSnapshot> {
  return db.$transaction(async (tx) => {
    const before = await findUnit(tx, kind, orgId, id);
    if (!before) throw notFoundError(kind);
    const label = `${capitalise(ORG_UNIT_LABELS[kind].one)} ${before.code}`;
    if (before.active === active) throw new AppError("CONFLICT", `${label} is already ${active ? "active" : "deactivated"}.`);
    const refusal = active
      ? reactivationRefusal(kind, before.code, await firstInactiveParent(tx, orgId, kind, before))
      : deactivationRefusal(kind, before.code, await countActiveChildren(tx, kind, orgId, id));
    if (refusal) throw new AppError("CONFLICT", refusal);
    if ((await flipActive(tx, kind, orgId, id, active)) === 0) {
      throw new AppError("CONFLICT", `${label} was just changed by someone else. Reload and try again.`);
    }
    const after = { ...before, active };
    await recordAudit(tx, { orgId, actor, action: `${kind}.${active ? "reactivate" : "deactivate"}`, entityType: ENTITY_TYPE[kind], entityId: id, before, after });
    return after;
  });
}

async function assertCodeFree(tx: Tx, orgId: number, input: OrgUnitInput, selfId?: number): Promise<void> {
  const owner = await unitIdByCode(tx, input.kind, orgId, input.code);
  if (owner !== null && owner !== selfId) throw duplicateCode(input);
}

/**
 * A store's zone and concept, a till's store, must be the org's (another org's id is "not
 * found", never a hint that it exists) and active, unless the unit already hangs from it: an edit
 * that keeps a deactivated parent changes nothing about it.
 */
async function assertParentsUsable(tx: Tx, orgId: number, input: OrgUnitInput, current: UnitSnapshot | null): Promise<void> {
  const wanted = input.kind === "store" ? { zoneId: input.zoneId, conceptId: input.conceptId } : input.kind === "till" ? { storeId: input.storeId } : {};
  const kept = new Set(current ? parentsOf(input.kind, current).map((p) => `${p.kind}:${p.id}`) : []);
  for (const parent of parentsOf(input.kind, wanted)) {
    const field = `${parent.kind}Id`;
    const row = await findUnit(tx, parent.kind, orgId, parent.id);
    if (!row) throw new AppError("NOT_FOUND", `That ${ORG_UNIT_LABELS[parent.kind].one} does not exist in this org.`, { field });
    if (!row.active && !kept.has(`${parent.kind}:${parent.id}`)) {
      throw new AppError("INVALID", `${capitalise(ORG_UNIT_LABELS[parent.kind].one)} ${row.code} is deactivated. Choose an active one.`, { field });
    }
  }
}

async function firstInactiveParent(tx: Tx, orgId: number, kind: OrgUnitKind, unit: UnitSnapshot): Promise<{ kind: OrgUnitKind; code: string } | null> {
  for (const parent of parentsOf(kind, unit)) {
    const row = await findUnit(tx, parent.kind, orgId, parent.id);
    if (row && !row.active) return { kind: parent.kind, code: row.code };
  }
  return null;
}

// Two admins creating the same code at once both pass assertCodeFree; the unique index
// (orgId, code) stops the second, and it gets the same message on the same field.
async function withUniqueCode<T>(input: OrgUnitInput, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw isUniqueViolation(error) ? duplicateCode(input) : error;
  }
}

function duplicateCode(input: OrgUnitInput): AppError {
  const { one } = ORG_UNIT_LABELS[input.kind];
  const article = /^[aeiou]/.test(one) ? "An" : "A";
  return new AppError("CONFLICT", `${article} ${one} with code ${input.code} already exists.`, { field: "code" });
}

function notFoundError(kind: OrgUnitKind): AppError {
  return new AppError("NOT_FOUND", `That ${ORG_UNIT_LABELS[kind].one} does not exist in this org.`);
}
