import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/users";
import { testDb as db } from "@/lib/testing/db";
import { listLedgerEntries } from "@/lib/ledger/history";
import { createOrg, createUser } from "@/lib/testing/factories";
import { createCustomer } from "@/lib/testing/groups-factories";
import { addTiers, enrolAt, tiersDb } from "@/lib/testing/tiers-factories";
import { tierHistory } from "@/lib/tiers/queries";

// The agent's manual adjustments, by direct call as a browser's POST would make it: only
// MEMBER_CARE and ADMIN may. Points: once per submit, with the reason in the ledger and the audit
// log. Tiers: manualSlabAdjustment's rule (same refusals), the change in the tier history with the
// agent and the reason, and in the audit log, once per submit too. The session is faked; the ledger and the database are real.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { adjustPointsAction, adjustTierAction } = await import("./actions");

let orgId: number;
let programId: number;
let customerId: number;

async function signIn(role: Role) {
  const { user } = await createUser(orgId, role);
  session.user = { id: user.id, orgId, orgName: "Org", email: user.email, name: user.name, role, mustChangePassword: false, sessionVersion: 0 };
  return user;
}

async function balance(): Promise<number> {
  const account = await db.pointsAccount.findFirst({ where: { orgId, programId, ownerType: "CUSTOMER", ownerId: customerId }, select: { balance: true } });
  return Number(account?.balance ?? 0);
}

const upgrade = (extra: Record<string, unknown> = {}) => ({
  customerId, programId, slabAction: "UPGRADE" as const, toSlabName: "Gold", manualSlabActionValidity: "FIXED_DURATION" as const, manualSlabActionValidityUpto: "30", reason: "Complaint resolved: goodwill upgrade", idempotencyKey: randomUUID(), ...extra,
});

beforeEach(async () => {
  const { org, defaultProgram } = await createOrg();
  orgId = org.id;
  programId = defaultProgram.id;
  customerId = (await createCustomer(orgId)).id;
  await db.programEnrollment.create({ data: { orgId, programId, customerId, enrolledVia: "REGISTRATION" } });
});

describe("adjustPointsAction", () => {
  it("adjusts once per submit, with the agent and the reason on the movement and in the audit log", async () => {
    const agent = await signIn("MEMBER_CARE");
    const input = { customerId, programId, points: 250, reason: "Goodwill: late delivery", idempotencyKey: randomUUID() };
    const [first, second] = await Promise.all([adjustPointsAction(input), adjustPointsAction(input)]);
    expect(first).toMatchObject({ ok: true, data: { balance: "250" } });
    expect(second).toMatchObject({ ok: true, data: { balance: "250" } });
    expect(first.ok && second.ok && first.data.movementId === second.data.movementId).toBe(true);
    expect(await balance()).toBe(250);

    const { rows } = await listLedgerEntries({ orgId, owner: { type: "CUSTOMER", id: customerId }, programId });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "ADJUST", points: 250, balanceAfter: 250, notes: "Goodwill: late delivery", actor: { type: "USER", label: agent.name } });
    const audit = await db.auditEntry.findMany({ where: { orgId, action: "points.adjust", entityId: String(customerId) } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: agent.id, after: { points: 250, reason: "Goodwill: late delivery", programId } });
  });

  it("takes points away too, never below zero", async () => {
    await signIn("ADMIN");
    await adjustPointsAction({ customerId, programId, points: 100, reason: "Opening balance", idempotencyKey: randomUUID() });
    expect(await adjustPointsAction({ customerId, programId, points: -40, reason: "Double credit on bill 7", idempotencyKey: randomUUID() })).toMatchObject({ ok: true, data: { balance: "60" } });
    const refused = await adjustPointsAction({ customerId, programId, points: -61, reason: "Too much", idempotencyKey: randomUUID() });
    expect(refused).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await balance()).toBe(60);
  });

  it("refuses VIEWER and PROGRAM_MANAGER, moving nothing", async () => {
    for (const role of ["VIEWER", "PROGRAM_MANAGER"] as const) {
      await signIn(role);
      const result = await adjustPointsAction({ customerId, programId, points: 500, reason: "Not allowed", idempotencyKey: randomUUID() });
      expect(result).toEqual({ ok: false, error: { code: "FORBIDDEN", message: "Your role does not allow this." } });
    }
    expect(await balance()).toBe(0);
    expect(await db.auditEntry.count({ where: { orgId, action: "points.adjust" } })).toBe(0);
  });

  it("wants a reason and a non-zero number, and refuses another org's customer", async () => {
    await signIn("MEMBER_CARE");
    expect(await adjustPointsAction({ customerId, programId, points: 0, reason: "", idempotencyKey: randomUUID() })).toMatchObject({
      ok: false, error: { code: "VALIDATION", fieldErrors: { points: expect.any(String), reason: expect.any(String) } },
    });
    const other = await createOrg();
    const stranger = await createCustomer(other.org.id);
    expect(await adjustPointsAction({ customerId: stranger.id, programId, points: 5, reason: "Cross-org", idempotencyKey: randomUUID() })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    // The same key with other values is not a replay.
    const key = randomUUID();
    await adjustPointsAction({ customerId, programId, points: 5, reason: "First", idempotencyKey: key });
    expect(await adjustPointsAction({ customerId, programId, points: 6, reason: "First", idempotencyKey: key })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await balance()).toBe(5);
  });
});

describe("adjustTierAction", () => {
  beforeEach(async () => {
    await addTiers(orgId, programId);
    await enrolAt(orgId, programId, customerId, "Silver");
  });

  it("upgrades by tier name with the agent's reason, in the tier history and the audit log", async () => {
    const agent = await signIn("MEMBER_CARE");
    const result = await adjustTierAction(upgrade());
    expect(result).toMatchObject({ ok: true, data: { previousTier: "Silver", currentTier: "Gold" } });
    const expiry = new Date((result as { data: { expiresAt: string } }).data.expiresAt).getTime();
    expect(Math.round((expiry - Date.now()) / 86_400_000)).toBe(30);
    expect((await tiersDb.tierOf(programId, customerId))?.tier?.name).toBe("Gold");

    const history = await tierHistory({ orgId, customerId, programId });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: "UPGRADE", cause: "MANUAL", reason: "Complaint resolved: goodwill upgrade", actorType: "USER", from: { name: "Silver" }, to: { name: "Gold" } });
    const audit = await db.auditEntry.findMany({ where: { orgId, action: "tier.adjust", entityType: "Customer", entityId: String(customerId) } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: agent.id, before: { tier: "Silver", programId }, after: { tier: "Gold", action: "UPGRADE", reason: "Complaint resolved: goodwill upgrade" } });
  });

  it("adjusts once per submit: the same submit twice (a double click) is one change, one audit entry, the same answer", async () => {
    await signIn("MEMBER_CARE");
    const input = upgrade();
    const [first, second] = await Promise.all([adjustTierAction(input), adjustTierAction(input)]);
    // Without the key the second would be refused: the customer is already in Gold.
    expect(first).toMatchObject({ ok: true, data: { previousTier: "Silver", currentTier: "Gold" } });
    expect(second).toMatchObject({ ok: true, data: { previousTier: "Silver", currentTier: "Gold" } });
    expect(first.ok && second.ok && [first.data.replayed, second.data.replayed].sort()).toEqual([false, true]);
    expect(first.ok && second.ok && first.data.expiresAt === second.data.expiresAt).toBe(true);
    // And a third, later: still a replay.
    expect(await adjustTierAction(input)).toMatchObject({ ok: true, data: { currentTier: "Gold", replayed: true } });
    expect(await tiersDb.changes(orgId, customerId)).toHaveLength(1);
    expect(await db.auditEntry.count({ where: { orgId, action: "tier.adjust" } })).toBe(1);

    // A refusal is kept with its key too, on its field: a retry gets the same answer.
    const refusedInput = upgrade({ toSlabName: "Silver" });
    const refused = await adjustTierAction(refusedInput);
    expect(refused).toMatchObject({ ok: false, error: { code: "CONFLICT", fieldErrors: { toSlabName: expect.stringContaining("must name a higher tier") } } });
    expect(await adjustTierAction(refusedInput)).toEqual(refused);
    // The same key with other values is not a replay.
    expect(await adjustTierAction({ ...input, toSlabName: "Platinum" })).toMatchObject({ ok: false, error: { code: "CONFLICT", message: expect.stringContaining("already used with a different request") } });
    expect((await tiersDb.tierOf(programId, customerId))?.tier?.name).toBe("Gold");
    expect(await tiersDb.changes(orgId, customerId)).toHaveLength(1);
  });

  it("refuses with manualSlabAdjustment's rule, on the field it is about, and changes nothing", async () => {
    await signIn("ADMIN");
    expect(await adjustTierAction(upgrade({ toSlabName: "Silver" }))).toMatchObject({ ok: false, error: { code: "CONFLICT", fieldErrors: { toSlabName: expect.stringContaining("must name a higher tier") } } });
    expect(await adjustTierAction(upgrade({ toSlabName: "Diamond" }))).toMatchObject({ ok: false, error: { code: "NOT_FOUND", fieldErrors: { toSlabName: expect.stringContaining("Silver, Gold, Platinum") } } });
    expect(await adjustTierAction(upgrade({ manualSlabActionValidityUpto: "0" }))).toMatchObject({ ok: false, error: { fieldErrors: { manualSlabActionValidityUpto: expect.any(String) } } });
    // The base tier never expires: nothing to renew.
    expect(await adjustTierAction(upgrade({ slabAction: "RENEWAL", toSlabName: "" }))).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    // An agent always says why.
    expect(await adjustTierAction(upgrade({ reason: "" }))).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { reason: expect.any(String) } } });
    expect(await adjustTierAction(upgrade({ toSlabName: "" }))).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { toSlabName: expect.any(String) } } });
    expect((await tiersDb.tierOf(programId, customerId))?.tier?.name).toBe("Silver");
    expect(await tiersDb.changes(orgId, customerId)).toHaveLength(0);
    expect(await db.auditEntry.count({ where: { orgId, action: "tier.adjust" } })).toBe(0);
  });

  it("refuses VIEWER and PROGRAM_MANAGER, and another org's customer", async () => {
    for (const role of ["VIEWER", "PROGRAM_MANAGER"] as const) {
      await signIn(role);
      expect(await adjustTierAction(upgrade())).toEqual({ ok: false, error: { code: "FORBIDDEN", message: "Your role does not allow this." } });
    }
    await signIn("MEMBER_CARE");
    const other = await createOrg();
    const stranger = await createCustomer(other.org.id);
    expect(await adjustTierAction(upgrade({ customerId: stranger.id }))).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect((await tiersDb.tierOf(programId, customerId))?.tier?.name).toBe("Silver");
    expect(await db.tierChange.count({ where: { orgId } })).toBe(0);
  });
});
