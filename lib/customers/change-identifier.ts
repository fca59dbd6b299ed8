import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enrollCustomer } from "./enrolment";
import { customerError, type CustomerWarning } from "./errors";
import { accountOf, holdersOf, sameIdentifier, sameSlot, toIdentifierRows } from "./identifier-rows";
import { IDENTIFIER_TYPES, type SourceName } from "./identifiers";
import { requireCustomer } from "./queries";
import { cardProgramsFor, insertIdentifiers } from "./register";
import type { ChangeIdentifierBody } from "./schema";

type Tx = Prisma.TransactionClient;

/**
 * Adds and removes a customer's identifiers in one source (POST /v2/customers/{id}/changeIdentifier,
 * SPEC-vendor-api §B.3), inside the caller's transaction:
 * - 8009 for an unknown customer, 8069 for a merged one;
 * - an added identifier the customer already has in the source is 8007; one another customer has
 *   in the source is 8008; one another customer has in another source would merge the two
 *   accounts at the vendor: the clone does not merge (points and groups would have to move) and
 *   answers 8053;
 * - a removed identifier must be the customer's in that source (8013), and the customer keeps at
 *   least one identifier (1007);
 * - an added card must be in an active series (8013) and enrols a loyalty customer in the
 *   series' program (seed 003 "Handling MLP integrations").
 */
export async function changeIdentifiers(
  tx: Tx,
  input: { orgId: number; actor: Actor; customerId: number; source: SourceName; accountId: string | undefined; body: ChangeIdentifierBody },
): Promise<{ customerId: number; warnings: CustomerWarning[]; enrolledProgramIds: number[] }> {
  const { orgId, customerId, source, body } = input;
  const customer = await requireCustomer({ orgId, customerId, tx });
  const accountId = accountOf(source, input.accountId);
  const slot = { source, accountId };

  const current = await tx.customerIdentifier.findMany({ where: { orgId, customerId }, select: { id: true, type: true, value: true, source: true, accountId: true } });
  const removals = body.remove.map((r) => {
    const type = IDENTIFIER_TYPES[r.type];
    const row = current.find((c) => c.type === type && c.value === r.value && sameSlot(c, slot));
    if (!row) throw customerError(8013, `${r.type} ${r.value} is not an identifier of customer ${customerId} in ${source}`, "remove");
    return row;
  });

  const additions = await toIdentifierRows(tx, orgId, source, accountId, body.add);
  for (const add of additions) {
    if (current.some((c) => sameIdentifier(c, add) && sameSlot(c, add) && !removals.some((r) => r.id === c.id))) {
      throw customerError(8007, `${add.name} ${add.value} is already customer ${customerId}'s in ${source}`, "add");
    }
  }
  const held = (await holdersOf(tx, orgId, additions)).filter((h) => h.customerId !== customerId);
  for (const add of additions) {
    const other = held.find((h) => sameIdentifier(h, add));
    if (!other) continue;
    if (sameSlot(other, add)) throw customerError(8008, `${add.name} ${add.value} belongs to customer ${other.customerId}`, "add");
    throw customerError(8053, `${add.name} ${add.value} belongs to customer ${other.customerId} in ${other.source}`, "add");
  }

  if (current.length - removals.length + additions.length === 0) throw customerError(1007, "a customer keeps at least one identifier", "remove");
  if (removals.length > 0) await tx.customerIdentifier.deleteMany({ where: { orgId, customerId, id: { in: removals.map((r) => r.id) } } });
  if (additions.length > 0) await insertIdentifiers(tx, orgId, customerId, additions);

  const enrolled = customer.loyaltyType === "LOYALTY" ? await enrollCustomer(tx, { orgId, customerId, programs: await cardProgramsFor(tx, orgId, additions) }) : [];
  return { customerId, warnings: [], enrolledProgramIds: enrolled };
}
