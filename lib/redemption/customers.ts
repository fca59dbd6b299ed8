import "server-only";
import { findCustomerByIdentifier } from "@/lib/customers/queries";
import type { IdentifierName } from "@/lib/customers/identifiers";
import { db } from "@/lib/db/client";
import type { V11Customer } from "./answers";
import { redemptionError } from "./errors";

// Who redeems: the v2 path's customer id, or the v1.1 customer object / query (mobile, email,
// external_id, card_number, card_external_id; any source). 8015 for nobody in the org.

export type V11CustomerQuery = { mobile?: string | undefined; email?: string | undefined; external_id?: string | undefined; card_number?: string | undefined; card_external_id?: string | undefined };

const V11_NAMES: [keyof V11CustomerQuery, IdentifierName][] = [
  ["mobile", "mobile"],
  ["email", "email"],
  ["external_id", "externalId"],
  ["card_number", "cardnumber"],
  ["card_external_id", "cardExternalId"],
];

export async function v11Customer(orgId: number, query: V11CustomerQuery): Promise<V11Customer> {
  for (const [key, identifierName] of V11_NAMES) {
    const value = query[key];
    if (value === undefined) continue;
    const found = await findCustomerByIdentifier({ orgId, identifierName, identifierValue: value, source: "ALL" });
    if (!found) throw redemptionError(8015, [], { field: key, detail: `(${key} ${value})` });
    return contactOf(orgId, found.id);
  }
  throw redemptionError(8015, [], { field: "customer", detail: "Name the customer: mobile, email, external_id, card_number or card_external_id." });
}

export async function v2Customer(orgId: number, customerId: number): Promise<V11Customer> {
  const found = await db.customer.findFirst({ where: { id: customerId, orgId }, select: { id: true } });
  if (!found) throw redemptionError(8015, [], { field: "id", detail: `(customer ${customerId})` });
  return contactOf(orgId, customerId);
}

async function contactOf(orgId: number, customerId: number): Promise<V11Customer> {
  const ids = await db.customerIdentifier.findMany({ where: { orgId, customerId, type: { in: ["MOBILE", "EMAIL", "EXTERNAL_ID"] } }, select: { type: true, value: true }, orderBy: { id: "asc" } });
  const first = (type: string) => ids.find((i) => i.type === type)?.value ?? null;
  return { id: customerId, mobile: first("MOBILE"), email: first("EMAIL"), externalId: first("EXTERNAL_ID") };
}
