import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { createApiClient, createOrg } from "./factories";

// Test data for user groups and fleets, made through the app's Prisma client (no mocks).
const unique = () => randomBytes(4).toString("hex");

export const GROUP_SCOPES = ["groups:read", "groups:write"];

/** An org with user groups switched on (or off), a client holding the group scopes, and its configs. */
export async function createGroupsOrg(options: { enabled?: boolean; groupSize?: number; configs?: Record<string, unknown> } = {}) {
  const { org, defaultProgram } = await createOrg();
  const configs: Record<string, unknown> = { CONF_USER_GROUP_ENABLED: options.enabled ?? true, CONF_USER_GROUP_SIZE: options.groupSize ?? 5, ...options.configs };
  for (const [key, value] of Object.entries(configs)) {
    await db.orgConfig.create({ data: { orgId: org.id, key, value: value as never } });
  }
  const { authorization, client } = await createApiClient(org.id, { scopes: GROUP_SCOPES });
  return { org, orgId: org.id, defaultProgram, authorization, client };
}

export async function setOrgConfig(orgId: number, key: string, value: unknown) {
  await db.orgConfig.upsert({ where: { orgId_key: { orgId, key } }, create: { orgId, key, value: value as never }, update: { value: value as never } });
}

/** A customer with a unique mobile and email (and an explicit id when the test names one). */
export async function createCustomer(orgId: number, options: { id?: number; firstName?: string; mobile?: string; email?: string; card?: string } = {}) {
  const tag = unique();
  const mobile = options.mobile ?? `91${parseInt(tag, 16).toString().padStart(10, "0").slice(0, 10)}`;
  const email = options.email ?? `c-${tag}@test.local`;
  return db.customer.create({
    data: {
      ...(options.id !== undefined ? { id: options.id } : {}),
      orgId,
      firstName: options.firstName ?? `First ${tag}`,
      lastName: `Last ${tag}`,
      identifiers: {
        create: [
          { orgId, type: "MOBILE", value: mobile },
          { orgId, type: "EMAIL", value: email },
          ...(options.card ? [{ orgId, type: "CARD_NUMBER" as const, value: options.card, status: "ACTIVE" }] : []),
        ],
      },
    },
    select: { id: true, firstName: true, lastName: true },
  }).then((c) => ({ ...c, mobile, email }));
}

/** Declares the user-group extended fields the seed's create bodies send (ug_status, ug_registration_date). */
export async function declareSeedGroupFields(orgId: number) {
  await db.extendedFieldDef.createMany({
    data: [
      { orgId, scope: "USERGROUP", name: "ug_status", type: "ENUM", allowedValues: ["Active", "Inactive"] },
      { orgId, scope: "USERGROUP", name: "ug_registration_date", type: "DATE", allowedValues: [] },
      { orgId, scope: "USERGROUP", name: "group_avatar_url", type: "STRING", allowedValues: [] },
    ],
    skipDuplicates: true,
  });
}

/** A group made directly in the database (tests of other rules start from it). */
export async function createGroupRow(orgId: number, options: { externalId?: string; maxGroupSize?: number; groupName?: string } = {}) {
  return db.userGroup.create({
    data: { orgId, externalId: options.externalId ?? `grp-${unique()}`, groupName: options.groupName ?? "Test group", maxGroupSize: options.maxGroupSize ?? 10 },
    select: { id: true, externalId: true },
  });
}

// Reads and direct writes the route tests need (app/ code may not import the database itself).
export const groupsDb = {
  group: (id: number) => db.userGroup.findUniqueOrThrow({ where: { id } }),
  countGroups: (where: { orgId: number; externalId?: string | { in: string[] } }) => db.userGroup.count({ where }),
  setStatus: (id: number, status: "ACTIVE" | "INACTIVE" | "DELETED") => db.userGroup.update({ where: { id }, data: { status } }),
  memberships: (where: { groupId?: number; customerId?: number }) => db.groupMembership.findMany({ where, orderBy: { id: "asc" } }),
  countMemberships: (where: { groupId?: number; customerId?: number; exitedAt?: null; defaultGroup?: boolean; primaryMember?: boolean }) => db.groupMembership.count({ where }),
  exit: (groupId: number, customerId: number) => db.groupMembership.updateMany({ where: { groupId, customerId, exitedAt: null }, data: { exitedAt: new Date() } }),
  bill: (data: { orgId: number; customerId: number; type: "REGULAR" | "RETURN"; number: string; amount: number; billedAt: Date }) => db.transaction.create({ data }),
};

export const fleetDb = {
  hierarchy: (id: number) => db.fleetHierarchy.findUniqueOrThrow({ where: { id } }),
  count: (orgId: number, code: string) => db.fleetHierarchy.count({ where: { orgId, code } }),
  defaults: async (orgId: number) => (await db.fleetHierarchy.findMany({ where: { orgId, isDefault: true }, select: { code: true } })).map((h) => h.code),
  auditActions: async (orgId: number, id: number) =>
    (await db.auditEntry.findMany({ where: { orgId, entityType: "FleetHierarchy", entityId: String(id) }, orderBy: { id: "asc" }, select: { action: true } })).map((a) => a.action),
  /** A customer associated with a role, bypassing the rules (to test what an association forbids later). */
  associateDirectly: async (orgId: number, hierarchyId: number, roleCode: string) => {
    const customer = await createCustomer(orgId);
    const role = await db.fleetRole.findFirstOrThrow({ where: { hierarchyId, code: roleCode } });
    return db.customerAssociation.create({ data: { orgId, customerId: customer.id, hierarchyId, roleId: role.id } });
  },
  association: (customerId: number) => db.customerAssociation.findUnique({ where: { customerId }, include: { role: true, company: true } }),
};

/** Tiers 1 (Silver) and 2 (Gold) on a program, and the customer enrolled at `tierNumber`. */
export async function enrolAtTier(orgId: number, programId: number, customerId: number, tierNumber: 1 | 2) {
  for (const [number, name] of [[1, "Silver"], [2, "Gold"]] as const) {
    await db.tier.upsert({ where: { programId_number: { programId, number } }, create: { orgId, programId, number, name }, update: {} });
  }
  const tier = await db.tier.findUniqueOrThrow({ where: { programId_number: { programId, number: tierNumber } } });
  await db.programEnrollment.create({ data: { orgId, programId, customerId, tierId: tier.id } });
}

export async function tierOf(programId: number, customerId: number) {
  const enrollment = await db.programEnrollment.findUniqueOrThrow({ where: { programId_customerId: { programId, customerId } }, include: { tier: true } });
  const changes = await db.tierChange.findMany({ where: { customerId }, select: { action: true, reason: true } });
  return { number: enrollment.tier?.number ?? null, changes };
}

/**
 * Seed 000's two hierarchies (their printed bodies plus the roles their stories name) and ABC
 * Logistics' owner, so the seed's driver and store-owner association bodies can run verbatim.
 */
export async function createSeedFleets(orgId: number) {
  const { createFleetHierarchy, updateFleetHierarchy } = await import("@/lib/groups/fleet-hierarchies");
  const { createFleetHierarchySchema, updateFleetHierarchySchema } = await import("@/lib/groups/fleet-schema");
  const { associateCustomer } = await import("@/lib/groups/fleet-association");
  const { DEMO_FLEETS } = await import("@/prisma/seed-groups");
  const actor = { kind: "system", label: "test" } as const;
  for (const fleet of DEMO_FLEETS) {
    const { id } = await createFleetHierarchy({ orgId, actor, input: createFleetHierarchySchema.parse({ code: fleet.code, name: fleet.name, isAutoGroupCreationEnabled: fleet.autoGroupCreationEnabled, isHierarchyCreationStrict: fleet.hierarchyCreationStrict, isSkipRoleAllowed: fleet.skipRoleAllowed }) });
    await updateFleetHierarchy({ orgId, actor, id, input: updateFleetHierarchySchema.parse({ roles: fleet.roles.map((r) => ({ ...r, permissions: [...r.permissions] })) }) });
  }
  const owner = await createCustomer(orgId);
  await db.$transaction((tx) =>
    associateCustomer(tx, { orgId, actor, customerId: owner.id, details: { hierarchyCode: "FLEET_HIER_001", roleCode: "Owner", fleetCompany: { name: "ABC Logistics", externalId: "abc_logistics_001" } } }),
  );
  return { ownerId: owner.id };
}
