import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { earn } from "@/lib/ledger/post";
import type { Owner } from "@/lib/ledger/types";
import { verifyLedger } from "@/lib/ledger/verify";
import { saveProgramStrategies } from "@/lib/programs/strategies/save";
import { programStrategiesFormSchema, type RedemptionStrategy } from "@/lib/programs/strategies/schema";
import { createEngineOrg } from "./engine-factories";
import { createApiClient } from "./factories";

// Test data for redemption (lib/redemption): an org with user groups on, an API client that may
// move points, a program's redemption strategy saved through lib/programs/strategies, and points
// earned through lib/ledger (the rules under test are redemption's, not the engine's).

export const REDEMPTION_SCOPES = ["points:write", "points:read"];

export async function createRedemptionOrg(configs: Record<string, unknown> = {}) {
  const base = await createEngineOrg(configs);
  const api = await createApiClient(base.orgId, { scopes: REDEMPTION_SCOPES });
  return { ...base, authorization: api.authorization, client: api.client };
}

/** Saves a redemption strategy (minimum 1, nothing else, unless told) on the program, through the Strategies tab's lib. */
export async function setRedemptionStrategy(orgId: number, programId: number, strategy: Partial<RedemptionStrategy> = {}, ratio = "1") {
  const s = { minimumPoints: 1, maximumPerTransaction: null, multiplesOf: null, eligibility: null, ...strategy };
  const input = programStrategiesFormSchema.parse({
    programId,
    pointsToCurrencyRatio: ratio,
    transfersAllowed: true,
    redemptionEnabled: true,
    minimumPoints: String(s.minimumPoints),
    maximumPerTransaction: s.maximumPerTransaction === null ? "" : String(s.maximumPerTransaction),
    multiplesOf: s.multiplesOf === null ? "" : String(s.multiplesOf),
    eligibilityBasis: s.eligibility?.basis ?? "NONE",
    eligibilityThreshold: s.eligibility ? String(s.eligibility.threshold) : "",
    expiryType: "NEVER",
    expiryValue: "",
    expiryUnit: "MONTHS",
  });
  await saveProgramStrategies({ orgId, actor: SYSTEM_ACTOR, input });
}

/** Points earned by a wallet as one lot (expiring when told), straight through the ledger. */
export function grant(orgId: number, programId: number, owner: Owner, points: number, options: { expiresAt?: Date | null; earnedAt?: Date } = {}) {
  return db.$transaction((tx) =>
    earn(tx, {
      orgId, programId, owner, points, provenance: { actor: SYSTEM_ACTOR, sourceType: "TEST" },
      expiresAt: options.expiresAt ?? null, ...(options.earnedAt ? { earnedAt: options.earnedAt } : {}),
    }),
  );
}

/** What redemption tests read and arrange in the database (app/ never imports the database itself). */
export const redemptionDb = {
  enrol: (orgId: number, programId: number, customerId: number, kpis: { lifetimePoints?: number; lifetimePurchases?: number } = {}) =>
    db.programEnrollment.upsert({
      where: { programId_customerId: { programId, customerId } },
      create: { orgId, programId, customerId, lifetimePoints: kpis.lifetimePoints ?? 0, lifetimePurchases: kpis.lifetimePurchases ?? 0 },
      update: { lifetimePoints: kpis.lifetimePoints ?? 0, lifetimePurchases: kpis.lifetimePurchases ?? 0 },
    }),
  setPermissions: (groupId: number, customerId: number, permissions: string[]) => db.groupMembership.updateMany({ where: { groupId, customerId, exitedAt: null }, data: { permissions } }),
  redemptions: (orgId: number) => db.pointsRedemption.findMany({ where: { orgId }, orderBy: { id: "asc" } }),
  countRedeemMovements: (orgId: number) => db.movement.count({ where: { orgId, kind: "REDEEM" } }),
  program: (orgId: number, name: string) => db.program.create({ data: { orgId, name, active: true } }),
  verify: (orgId: number) => verifyLedger(db, orgId),
  otps: (orgId: number) => db.otp.findMany({ where: { orgId }, orderBy: { id: "asc" } }),
  /** Lets the customer's open redemption codes run out. */
  expireRedemptionCodes: (orgId: number, customerId: number) =>
    db.otp.updateMany({ where: { orgId, customerId, action: "POINTS", closedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } }),
  /** Lets an existing (till-bound) API client move points too. */
  allowPoints: (orgId: number, authorization: string) =>
    db.apiClient.updateMany({
      where: { orgId, clientId: Buffer.from(authorization.replace(/^Basic /, ""), "base64").toString().split(":")[0]! },
      data: { scopes: { push: REDEMPTION_SCOPES } },
    }),
};
