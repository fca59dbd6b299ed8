import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { emitEvent, hasSubscribers } from "@/lib/webhooks/outbox";
import type { TierChangeResult } from "./apply";

// Tier webhooks (SPEC §4.2): tierUpgraded / tierDowngraded / tierRenewed with the vendor's
// payload, including the program's tiers so a receiver can map a number to a name (seed 000).

const EVENT = { UPGRADE: "tierUpgraded", DOWNGRADE: "tierDowngraded", RENEWAL: "tierRenewed", EXTEND_CURRENT_TIER_EXPIRY_DATE: "tierRenewed" } as const;

export async function emitTierEvent(tx: Prisma.TransactionClient, orgId: number, c: TierChangeResult): Promise<void> {
  const eventName = EVENT[c.action];
  if (!(await hasSubscribers(tx, orgId, eventName))) return;
  const [program, identifiers] = await Promise.all([
    tx.program.findUniqueOrThrow({ where: { id: c.programId }, select: { id: true, name: true, isDefault: true, pointsToCurrencyRatio: true, tiers: { select: { number: true, name: true }, orderBy: { number: "asc" } } } }),
    tx.customerIdentifier.findMany({ where: { orgId, customerId: c.customerId, type: { in: ["MOBILE", "EMAIL"] } }, select: { type: true, value: true } }),
  ]);
  const numberKey = c.action === "UPGRADE" ? "upgradedTierNumber" : c.action === "DOWNGRADE" ? "downgradedTierNumber" : "currentTierNumber";
  const typeKey = c.action === "UPGRADE" ? "upgradeType" : c.action === "DOWNGRADE" ? "downgradeType" : "renewType";
  await emitEvent(tx, {
    orgId, eventName, refId: `${orgId}_${c.customerId}`,
    data: {
      customerIdentifiers: { customerId: c.customerId, instore: { mobile: identifiers.find((i) => i.type === "MOBILE")?.value ?? null, email: identifiers.find((i) => i.type === "EMAIL")?.value ?? null } },
      entityInformation: { entityId: c.customerId, entityType: "CUSTOMER" },
      loyaltyProgramDetails: {
        id: program.id, name: program.name, isDefault: program.isDefault, pointsToCurrencyRatio: Number(program.pointsToCurrencyRatio),
        tiers: program.tiers.map((t) => ({ tierNumber: t.number, tierName: t.name })),
      },
      loyaltyProgramId: program.id,
      previousTierNumber: c.from?.number ?? null,
      [numberKey]: c.to.number,
      tierExpiryDate: c.expiresAt ? c.expiresAt.toISOString().slice(0, 10) : null,
      notes: c.reason,
      [typeKey]: c.cause,
    },
  });
}
