import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { customerError } from "./errors";

type Tx = Prisma.TransactionClient;

export const ENROLLED_VIA = ["REGISTRATION", "CARD", "SINGLE_ENROLL", "TRANSACTION", "REQUEST"] as const;
export type EnrolledVia = (typeof ENROLLED_VIA)[number];

export type EnrolmentRequest = { programId: number; via: EnrolledVia; tierNumber?: number | undefined };

/**
 * The programs a registration enrols a customer in (seed 003 "Customer Registration"): one
 * customer for the whole org, enrolled in the default program and in the program of the
 * registering till (zone or concept MLP) or of the card's series (card-series MLP); with
 * `mlp_single_enroll`, in every active program at once. Other programs enrol the customer on their
 * first transaction there (enrollCustomer with via TRANSACTION, called by the transaction code).
 */
export async function registrationPrograms(
  tx: Tx,
  { orgId, tillId, cardSeriesIds, singleEnroll }: { orgId: number; tillId: number | null; cardSeriesIds: readonly number[]; singleEnroll: boolean },
): Promise<EnrolmentRequest[]> {
  const [org, defaultProgram] = await Promise.all([
    tx.org.findFirst({ where: { id: orgId }, select: { mlpType: true } }),
    tx.program.findFirst({ where: { orgId, isDefault: true }, select: { id: true } }),
  ]);
  // Every org is created with its default program (DESIGN §2); missing it is a data bug.
  if (!defaultProgram) throw new Error(`Org ${orgId} has no default program`);
  const wanted: EnrolmentRequest[] = [{ programId: defaultProgram.id, via: "REGISTRATION" }];

  const mapped = async (entityType: "ZONE" | "CONCEPT" | "CARD_SERIES", entityIds: number[], via: EnrolledVia) => {
    if (entityIds.length === 0) return;
    const rows = await tx.programEntity.findMany({
      where: { orgId, entityType, entityId: { in: entityIds }, program: { orgId, active: true, isDefault: false } },
      select: { programId: true },
    });
    for (const r of rows) wanted.push({ programId: r.programId, via });
  };

  if (org?.mlpType === "CARD_SERIES") {
    await mapped("CARD_SERIES", [...cardSeriesIds], "CARD");
  } else if (org?.mlpType && tillId !== null) {
    const till = await tx.till.findFirst({ where: { id: tillId, orgId, active: true }, select: { store: { select: { zoneId: true, conceptId: true } } } });
    if (till) await mapped(org.mlpType, [org.mlpType === "ZONE" ? till.store.zoneId : till.store.conceptId], "REGISTRATION");
  }
  if (singleEnroll) {
    const all = await tx.program.findMany({ where: { orgId, active: true }, select: { id: true }, orderBy: { id: "asc" } });
    for (const p of all) wanted.push({ programId: p.id, via: "SINGLE_ENROLL" });
  }
  return wanted;
}

/** The programs a newly added card's series maps to (seed 003: a card from a series enrols there). */
export async function cardPrograms(tx: Tx, { orgId, cardSeriesIds }: { orgId: number; cardSeriesIds: readonly number[] }): Promise<EnrolmentRequest[]> {
  if (cardSeriesIds.length === 0) return [];
  const org = await tx.org.findFirst({ where: { id: orgId }, select: { mlpType: true } });
  if (org?.mlpType !== "CARD_SERIES") return [];
  const rows = await tx.programEntity.findMany({
    where: { orgId, entityType: "CARD_SERIES", entityId: { in: [...cardSeriesIds] }, program: { orgId, active: true, isDefault: false } },
    select: { programId: true },
  });
  return rows.map((r) => ({ programId: r.programId, via: "CARD" as const }));
}

/**
 * Enrols a customer in programs they are not yet in, each at the requested tier number or the
 * program's lowest tier; existing enrolments never change (SPEC-vendor-api §B.2). Returns the
 * programs newly enrolled. Safe to call twice (and under a race: the (program, customer) unique
 * key keeps one enrolment). Runs in the caller's transaction.
 */
export async function enrollCustomer(
  tx: Tx,
  { orgId, customerId, programs }: { orgId: number; customerId: number; programs: readonly EnrolmentRequest[] },
): Promise<number[]> {
  const unique = new Map<number, EnrolmentRequest>();
  for (const p of programs) if (!unique.has(p.programId)) unique.set(p.programId, p);
  if (unique.size === 0) return [];
  const ids = [...unique.keys()];
  const [found, existing, tiers] = await Promise.all([
    tx.program.findMany({ where: { orgId, id: { in: ids } }, select: { id: true } }),
    tx.programEnrollment.findMany({ where: { orgId, customerId, programId: { in: ids } }, select: { programId: true } }),
    tx.tier.findMany({ where: { orgId, programId: { in: ids } }, select: { id: true, programId: true, number: true }, orderBy: { number: "asc" } }),
  ]);
  const known = new Set(found.map((p) => p.id));
  const missing = ids.find((id) => !known.has(id));
  if (missing !== undefined) throw customerError(1213, `program ${missing} is not in this org`, "loyaltyProgramEnrollments");
  const enrolled = new Set(existing.map((e) => e.programId));
  const fresh = [...unique.values()].filter((p) => !enrolled.has(p.programId));
  const data = fresh.map((p) => {
    const programTiers = tiers.filter((t) => t.programId === p.programId);
    const tier = p.tierNumber !== undefined ? programTiers.find((t) => t.number === p.tierNumber) : programTiers[0];
    if (p.tierNumber !== undefined && !tier) {
      throw customerError(1023, `program ${p.programId} has no tier ${p.tierNumber}`, "loyaltyProgramEnrollments");
    }
    return { orgId, customerId, programId: p.programId, tierId: tier?.id ?? null, enrolledVia: p.via };
  });
  if (data.length > 0) await tx.programEnrollment.createMany({ data, skipDuplicates: true });
  return fresh.map((p) => p.programId);
}
