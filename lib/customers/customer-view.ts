import "server-only";
import { db } from "@/lib/db/client";
import type { CustomerSource, IdentifierType, LoyaltyType } from "@/lib/generated/prisma/client";

export type CustomerIdentifierView = {
  type: IdentifierType;
  value: string;
  source: CustomerSource;
  accountId: string;
  cardSeries: { id: number; code: string; name: string } | null;
  status: string | null;
  createdAt: Date;
};

export type EnrolmentView = {
  programId: number;
  programName: string;
  programDescription: string;
  isDefault: boolean;
  programActive: boolean;
  enrolledAt: Date;
  enrolledVia: string;
  tier: { id: number; number: number; name: string } | null;
  nextTier: { number: number; name: string; threshold: number } | null;
  tierExpiresAt: Date | null;
  lifetimePurchases: number;
  lifetimePoints: number;
  visits: number;
  /** The cached balance of the customer's wallet in the program (DESIGN §3), 0 without one. */
  currentPoints: number;
};

export type CustomerView = {
  id: number;
  firstName: string;
  lastName: string;
  loyaltyType: LoyaltyType;
  registeredVia: CustomerSource;
  registeredTill: { id: number; code: string; name: string } | null;
  joinedAt: Date;
  createdAt: Date;
  updatedAt: Date;
  mergedIntoId: number | null;
  extendedFields: Record<string, unknown>;
  profileFields: Record<string, unknown>;
  commChannels: unknown[];
  identifiers: CustomerIdentifierView[];
  /** Default program first, then by program name. */
  enrolments: EnrolmentView[];
};

/** One customer of the org with identifiers and per-program enrolments (the API's GET and the console page). */
export async function getCustomerView({ orgId, customerId }: { orgId: number; customerId: number }): Promise<CustomerView | null> {
  const customer = await db.customer.findFirst({
    where: { id: customerId, orgId },
    select: {
      id: true, firstName: true, lastName: true, loyaltyType: true, registeredVia: true, registeredTill: true, joinedAt: true,
      createdAt: true, updatedAt: true, mergedIntoId: true, extendedFields: true, profileFields: true, commChannels: true,
      identifiers: {
        orderBy: { id: "asc" },
        select: { type: true, value: true, source: true, accountId: true, status: true, createdAt: true, cardSeries: { select: { id: true, code: true, name: true } } },
      },
      enrollments: {
        select: {
          programId: true, enrolledAt: true, enrolledVia: true, tierExpiresAt: true, lifetimePurchases: true, lifetimePoints: true, visits: true,
          tier: { select: { id: true, number: true, name: true } },
          program: { select: { name: true, description: true, isDefault: true, active: true, tiers: { select: { number: true, name: true, threshold: true }, orderBy: { number: "asc" } } } },
        },
      },
    },
  });
  if (!customer) return null;
  const [till, accounts] = await Promise.all([
    customer.registeredTill === null ? null : db.till.findFirst({ where: { id: customer.registeredTill, orgId }, select: { id: true, code: true, name: true } }),
    db.pointsAccount.findMany({ where: { orgId, ownerType: "CUSTOMER", ownerId: customer.id }, select: { programId: true, balance: true } }),
  ]);
  const balance = new Map(accounts.map((a) => [a.programId, Number(a.balance)]));
  const enrolments: EnrolmentView[] = customer.enrollments
    .map((e) => {
      const next = e.program.tiers.find((t) => t.number > (e.tier?.number ?? 0)) ?? null;
      return {
        programId: e.programId,
        programName: e.program.name,
        programDescription: e.program.description,
        isDefault: e.program.isDefault,
        programActive: e.program.active,
        enrolledAt: e.enrolledAt,
        enrolledVia: e.enrolledVia,
        tier: e.tier,
        nextTier: next ? { number: next.number, name: next.name, threshold: Number(next.threshold) } : null,
        tierExpiresAt: e.tierExpiresAt,
        lifetimePurchases: Number(e.lifetimePurchases),
        lifetimePoints: Number(e.lifetimePoints),
        visits: e.visits,
        currentPoints: balance.get(e.programId) ?? 0,
      };
    })
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.programName.localeCompare(b.programName));
  return {
    ...customer,
    registeredTill: till,
    extendedFields: asObject(customer.extendedFields),
    profileFields: asObject(customer.profileFields),
    commChannels: Array.isArray(customer.commChannels) ? customer.commChannels : [],
    enrolments,
  };
}

function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
