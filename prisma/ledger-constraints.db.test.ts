import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
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
  const movement = (key: string) =>
    db.movement.create({
      data: { orgId: org.id, programId: defaultProgram.id, kind: "EARN", sourceType: "TEST", actorType: "SYSTEM", idempotencyKey: key },
    });
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
    const m = await f.movement("k1");
    const [debit] = await db.$transaction([
      db.posting.create({ data: { orgId: f.org.id, movementId: m.id, accountId: f.issuance.id, amount: -5 } }),
      db.posting.create({ data: { orgId: f.org.id, movementId: m.id, accountId: f.wallet.id, amount: 5 } }),
    ]);
    await expect(db.posting.update({ where: { id: debit.id }, data: { amount: -6 } })).rejects.toThrow(/append-only/);
    await expect(db.posting.delete({ where: { id: debit.id } })).rejects.toThrow(/append-only/);
    await expect(db.movement.delete({ where: { id: m.id } })).rejects.toThrow(/append-only/);
  });

  it("refuses zero postings, lots with more remaining than awarded, and negative owner balances", async () => {
    const f = await ledgerFixture();
    const m = await f.movement("k2");
    await expect(db.posting.create({ data: { orgId: f.org.id, movementId: m.id, accountId: f.wallet.id, amount: 0 } })).rejects.toThrow();
    await expect(
      db.pointsLot.create({ data: { orgId: f.org.id, accountId: f.wallet.id, movementId: m.id, amount: 10, remaining: 11 } }),
    ).rejects.toThrow();
    await expect(db.pointsAccount.update({ where: { id: f.wallet.id }, data: { balance: -1 } })).rejects.toThrow();
    const group = await db.pointsAccount.create({
      data: { orgId: f.org.id, programId: f.program.id, ownerType: "USERGROUP", ownerId: 1, allowNegative: true },
    });
    const updated = await db.pointsAccount.update({ where: { id: group.id }, data: { balance: -1 } });
    expect(updated.balance.toString()).toBe("-1");
  });

  it("refuses a second use of an idempotency key in the same org", async () => {
    const f = await ledgerFixture();
    await f.movement("same-key");
    await expect(f.movement("same-key")).rejects.toThrow();
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
