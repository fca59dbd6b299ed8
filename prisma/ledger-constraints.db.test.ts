import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { earn } from "@/lib/ledger/post";
import { createOrg } from "@/lib/testing/factories";

// The database itself refuses what the ledger code must never do (DESIGN.md §3, constraints).
async function ledgerFixture() {
  const { org, defaultProgram } = await createOrg();
  const issuance = await db.pointsAccount.create({
    data: { orgId: org.id, programId: defaultProgram.id, ownerType: "SYSTEM", systemKind: "ISSUANCE" },
  });
  const wallet = await db.pointsAccount.create({
    data: { orgId: org.id, programId: defaultProgram.id, ownerType: "CUSTOMER", ownerId: 564662499 },
  });
  // A movement as the ledger writes it: balanced, with postings (the database refuses one without).
  const movement = async (points = 5) => {
    const r = await earn(db, {
      orgId: org.id, programId: defaultProgram.id, owner: { type: "CUSTOMER", id: 564662499 }, points,
      provenance: { actor: SYSTEM_ACTOR, sourceType: "TEST" },
    });
    return db.movement.findUniqueOrThrow({ where: { id: r.movementId } });
  };
  return { org, program: defaultProgram, issuance, wallet, movement };
}

describe("ledger constraints in the database", () => {
  it("commits a balanced movement", async () => {
    const f = await ledgerFixture();
    await db.$transaction(async (tx) => {
      const m = await tx.movement.create({
        data: { orgId: f.org.id, programId: f.program.id, kind: "EARN", sourceType: "TEST", actorType: "SYSTEM" },
      });
      await tx.posting.create({ data: { orgId: f.org.id, movementId: m.id, accountId: f.issuance.id, amount: -100 } });
      await tx.posting.create({ data: { orgId: f.org.id, movementId: m.id, accountId: f.wallet.id, amount: 100 } });
    });
    const sum = await db.posting.aggregate({ where: { orgId: f.org.id }, _sum: { amount: true } });
    expect(sum._sum.amount?.toString()).toBe("0");
  });

  it("refuses at commit a movement whose postings do not sum to zero", async () => {
    const f = await ledgerFixture();
    await expect(
      db.$transaction(async (tx) => {
        const m = await tx.movement.create({
          data: { orgId: f.org.id, programId: f.program.id, kind: "EARN", sourceType: "TEST", actorType: "SYSTEM" },
        });
        await tx.posting.create({ data: { orgId: f.org.id, movementId: m.id, accountId: f.wallet.id, amount: 100 } });
      }),
    ).rejects.toThrow(/unbalanced/);
    expect(await db.movement.count({ where: { orgId: f.org.id } })).toBe(0);
  });

  it("never lets a posting be edited or deleted", async () => {
    const f = await ledgerFixture();
    const m = await f.movement();
    const debit = await db.posting.findFirstOrThrow({ where: { movementId: m.id, accountId: f.issuance.id } });
    await expect(db.posting.update({ where: { id: debit.id }, data: { amount: -6 } })).rejects.toThrow(/append-only/);
    await expect(db.posting.delete({ where: { id: debit.id } })).rejects.toThrow(/append-only/);
    await expect(db.movement.delete({ where: { id: m.id } })).rejects.toThrow(/append-only/);
  });

  it("refuses zero postings, lots with more remaining than awarded, and a balance changed by hand", async () => {
    const f = await ledgerFixture();
    const m = await f.movement();
    await expect(db.posting.create({ data: { orgId: f.org.id, movementId: m.id, accountId: f.wallet.id, amount: 0 } })).rejects.toThrow();
    await expect(
      db.pointsLot.create({ data: { orgId: f.org.id, accountId: f.wallet.id, movementId: m.id, amount: 10, remaining: 11 } }),
    ).rejects.toThrow();
    await expect(db.pointsAccount.update({ where: { id: f.wallet.id }, data: { balance: 1000 } })).rejects.toThrow(/only by posting/);
    await expect(db.pointsAccount.delete({ where: { id: f.wallet.id } })).rejects.toThrow(/never deleted/);
  });

  it("keeps the cached balance equal to the postings, and lets no posting take a customer below zero", async () => {
    const f = await ledgerFixture();
    await db.$transaction(async (tx) => {
      const m = await tx.movement.create({ data: { orgId: f.org.id, programId: f.program.id, kind: "EARN", sourceType: "TEST", actorType: "SYSTEM" } });
      await tx.posting.createMany({ data: [
        { orgId: f.org.id, movementId: m.id, accountId: f.issuance.id, amount: -40 },
        { orgId: f.org.id, movementId: m.id, accountId: f.wallet.id, amount: 40 },
      ] });
    });
    expect((await db.pointsAccount.findUniqueOrThrow({ where: { id: f.wallet.id } })).balance.toString()).toBe("40");
    await expect(
      db.$transaction(async (tx) => {
        const m = await tx.movement.create({ data: { orgId: f.org.id, programId: f.program.id, kind: "REDEEM", sourceType: "TEST", actorType: "SYSTEM" } });
        await tx.posting.createMany({ data: [
          { orgId: f.org.id, movementId: m.id, accountId: f.wallet.id, amount: -41 },
          { orgId: f.org.id, movementId: m.id, accountId: f.issuance.id, amount: 41 },
        ] });
      }),
    ).rejects.toThrow(/insufficient points/);
  });

  it("lets only a return take a group wallet below zero", async () => {
    const f = await ledgerFixture();
    const group = await db.pointsAccount.create({ data: { orgId: f.org.id, programId: f.program.id, ownerType: "USERGROUP", ownerId: 1 } });
    const debitGroup = (kind: "REDEEM" | "RETURN") =>
      db.$transaction(async (tx) => {
        const m = await tx.movement.create({ data: { orgId: f.org.id, programId: f.program.id, kind, sourceType: "TEST", actorType: "SYSTEM" } });
        await tx.posting.createMany({ data: [
          { orgId: f.org.id, movementId: m.id, accountId: group.id, amount: -5 },
          { orgId: f.org.id, movementId: m.id, accountId: f.issuance.id, amount: 5 },
        ] });
      });
    await expect(debitGroup("REDEEM")).rejects.toThrow(/insufficient points/);
    await debitGroup("RETURN");
    expect((await db.pointsAccount.findUniqueOrThrow({ where: { id: group.id } })).balance.toString()).toBe("-5");
  });

  it("refuses a movement without postings and a second reversal of one movement", async () => {
    const f = await ledgerFixture();
    await expect(
      db.movement.create({ data: { orgId: f.org.id, programId: f.program.id, kind: "EARN", sourceType: "TEST", actorType: "SYSTEM" } }),
    ).rejects.toThrow(/no postings/);
    const m = await f.movement(10);
    const reversal = () =>
      db.$transaction(async (tx) => {
        const r = await tx.movement.create({
          data: { orgId: f.org.id, programId: f.program.id, kind: "REVERSE", reversesId: m.id, sourceType: "TEST", actorType: "SYSTEM" },
        });
        await tx.posting.createMany({ data: [
          { orgId: f.org.id, movementId: r.id, accountId: f.wallet.id, amount: -1 },
          { orgId: f.org.id, movementId: r.id, accountId: f.issuance.id, amount: 1 },
        ] });
      });
    await reversal();
    await expect(reversal()).rejects.toThrow();
  });

  it("keeps one idempotency key per org", async () => {
    const f = await ledgerFixture();
    const row = { orgId: f.org.id, key: "same-key", requestHash: "h", responseStatus: 200, responseBody: {} };
    await db.apiIdempotency.create({ data: row });
    await expect(db.apiIdempotency.create({ data: row })).rejects.toThrow();
  });

  it("allows one default program per org and one entity mapping per entity", async () => {
    const f = await ledgerFixture();
    await expect(db.program.create({ data: { orgId: f.org.id, name: "Second default", isDefault: true } })).rejects.toThrow();
    const other = await db.program.create({ data: { orgId: f.org.id, name: "Brand" } });
    const third = await db.program.create({ data: { orgId: f.org.id, name: "Brand 2" } });
    await db.programEntity.create({ data: { orgId: f.org.id, programId: other.id, entityType: "ZONE", entityId: 7 } });
    await expect(
      db.programEntity.create({ data: { orgId: f.org.id, programId: third.id, entityType: "ZONE", entityId: 7 } }),
    ).rejects.toThrow();
  });

  it("keeps one current membership and one primary member per group", async () => {
    const f = await ledgerFixture();
    const customers = await Promise.all(
      [1, 2].map((n) => db.customer.create({ data: { orgId: f.org.id, firstName: `C${n}` } })),
    );
    const [a, b] = customers as [(typeof customers)[number], (typeof customers)[number]];
    const group = await db.userGroup.create({ data: { orgId: f.org.id, externalId: "G1", maxGroupSize: 5 } });
    await db.groupMembership.create({ data: { orgId: f.org.id, groupId: group.id, customerId: a.id, primaryMember: true } });
    await expect(
      db.groupMembership.create({ data: { orgId: f.org.id, groupId: group.id, customerId: a.id } }),
    ).rejects.toThrow();
    await expect(
      db.groupMembership.create({ data: { orgId: f.org.id, groupId: group.id, customerId: b.id, primaryMember: true } }),
    ).rejects.toThrow();
    await expect(db.userGroup.create({ data: { orgId: f.org.id, externalId: "G2", maxGroupSize: 0 } })).rejects.toThrow();
  });
});
