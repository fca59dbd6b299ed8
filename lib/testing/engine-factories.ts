import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { debit } from "@/lib/ledger/post";
import type { Owner } from "@/lib/ledger/types";
import { verifyLedger } from "@/lib/ledger/verify";
import { publishWorkflow } from "@/lib/workflows/publish";
import { saveDraft } from "@/lib/workflows/save-draft";
import type { WorkflowDocumentInput } from "@/lib/workflows/schema";
import { MEMBER_CARD_SWIPED, seedWorkflowDocument } from "@/lib/workflows/seed-workflow";
import { createApiClient } from "./factories";
import { createCustomer, createGroupsOrg, setOrgConfig } from "./groups-factories";
import { createStructure } from "./org-structure-factories";
import { createPrincipal } from "./workflow-factories";

// Test data for the points engine (lib/engine): an org with user groups on, seed 001's transaction
// field, an API client with the transaction and points scopes, LIVE workflows published through
// lib/workflows, and groups with members made directly (the rules under test are the engine's).

export const ENGINE_SCOPES = ["transactions:write", "transactions:read", "points:read", "customers:read", "groups:read"];

export async function createEngineOrg(configs: Record<string, unknown> = {}) {
  const base = await createGroupsOrg({ configs });
  await db.extendedFieldDef.create({ data: { orgId: base.orgId, scope: "TRANSACTION", name: MEMBER_CARD_SWIPED, type: "ENUM", allowedValues: ["Yes", "No"] } });
  const api = await createApiClient(base.orgId, { scopes: ENGINE_SCOPES });
  return { ...base, authorization: api.authorization, client: api.client };
}

/** Publishes `document` (seed 001's mutually exclusive workflow by default) as the program's LIVE version. */
export async function publishLive(orgId: number, programId: number, document: WorkflowDocumentInput = seedWorkflowDocument()) {
  const admin = await createPrincipal(orgId, "ADMIN");
  await saveDraft({ orgId, programId, principal: admin, document });
  const outcome = await publishWorkflow({ orgId, programId, principal: admin, note: "test" });
  if (outcome.kind !== "published") throw new Error("expected the workflow to publish");
  return outcome.version;
}

/** A group whose first member is its primary; every member has it as their default group. */
export async function createFamily(orgId: number, size: number, externalId = `FAM-${Math.random().toString(36).slice(2, 8)}`) {
  const group = await db.userGroup.create({ data: { orgId, externalId, groupName: `Family ${externalId}`, maxGroupSize: Math.max(size, 5) } });
  const members = [];
  for (let i = 0; i < size; i++) {
    const customer = await createCustomer(orgId, { firstName: `Member ${i + 1}` });
    // permissions: [] as lib/groups/join.ts writes it (left out, the column would be NULL, which no app path stores).
    await db.groupMembership.create({ data: { orgId, groupId: group.id, customerId: customer.id, primaryMember: i === 0, defaultGroup: true, permissions: [] } });
    members.push(customer);
  }
  return { group, members };
}

/** A bill body as a POS sends it (SPEC-vendor-api §C.1). */
export function bill(billNumber: string, billAmount: number, extra: Record<string, unknown> = {}) {
  return { type: "REGULAR", billNumber, billAmount, billingDate: "2026-11-20T10:00:00Z", ...extra };
}

export async function walletBalance(orgId: number, ownerType: "CUSTOMER" | "USERGROUP", ownerId: number, programId: number): Promise<number> {
  const account = await db.pointsAccount.findFirst({ where: { orgId, ownerType, ownerId, programId } });
  return account ? Number(account.balance) : 0;
}

/** What the engine's route tests read and arrange in the database (app/ never imports it). */
export const engineDb = {
  countBills: (where: { orgId: number; type?: "REGULAR" | "RETURN"; customerId?: number }) => db.transaction.count({ where }),
  enrolment: (programId: number, customerId: number) => db.programEnrollment.findFirstOrThrow({ where: { programId, customerId } }),
  countEnrolments: (programId: number) => db.programEnrollment.count({ where: { programId } }),
  verify: (orgId: number) => verifyLedger(db, orgId),
  /** A redemption made elsewhere (the redemption API is another issue's), straight through the ledger. */
  spend: (orgId: number, programId: number, owner: Owner, points: number) =>
    db.$transaction((tx) => debit(tx, { orgId, programId, owner, points, kind: "REDEEM", provenance: { actor: SYSTEM_ACTOR, sourceType: "TEST" } })),
  setGroupSize: (orgId: number, size: number) => setOrgConfig(orgId, "CONF_USER_GROUP_SIZE", size),
};

/** A CONCEPT MLP org's two brands, each mapped to one concept, with an API client bound to a till of each. */
export async function createTwoBrands(orgId: number) {
  await db.org.update({ where: { id: orgId }, data: { mlpType: "CONCEPT", mlpTypeSetAt: new Date() } });
  const brands = [];
  for (const name of ["Trends", "Jewel"]) {
    const s = await createStructure(orgId);
    const program = await db.program.create({ data: { orgId, name, active: true, entities: { create: [{ orgId, entityType: "CONCEPT", entityId: s.concept.id }] } } });
    const api = await createApiClient(orgId, { scopes: ENGINE_SCOPES });
    await db.apiClient.update({ where: { id: api.client.id }, data: { tillId: s.till.id } });
    brands.push({ program, till: s.till, authorization: api.authorization });
  }
  return brands as [(typeof brands)[number], (typeof brands)[number]];
}
