import type { Owner } from "@/lib/ledger/types";

/** The vendor's entityInformation of a points event: a customer, or a user group (USERGROUP2). */
export function entityInformation(owner: Owner): { entityId: number; entityType: "CUSTOMER" | "USERGROUP2" } {
  return { entityId: owner.id, entityType: owner.type === "CUSTOMER" ? "CUSTOMER" : "USERGROUP2" };
}
