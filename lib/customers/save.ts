import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { changeIdentifiers } from "./change-identifier";
import type { CustomerWarning } from "./errors";
import { lookupCustomer, type IdentifierLookup } from "./queries";
import { registerCustomer, type CustomerWriteResult, type RegisterInput } from "./register";
import type { ChangeIdentifierBody } from "./schema";
import { updateCustomer, type UpdateInput } from "./update";

/** The transaction a customer write runs in, handed to `inSameTransaction` so a caller's work joins it. */
export type CustomerTx = Prisma.TransactionClient;

/**
 * Work that must commit or roll back with the customer write: the API's fleet association
 * (`associationDetails`, applied by lib/groups, which lib/customers does not import). Its warnings
 * join the answer's.
 */
export type AfterCustomerWrite = (tx: CustomerTx, saved: CustomerWriteResult) => Promise<CustomerWarning[]>;

/**
 * registerCustomer followed by `inSameTransaction`, inside the caller's transaction (the API's,
 * which also runs the customer's workflows and stores its Idempotency-Key answer).
 */
export async function saveNewCustomerIn(tx: CustomerTx, input: RegisterInput & { inSameTransaction?: AfterCustomerWrite }): Promise<CustomerWriteResult> {
  return withThen(tx, await registerCustomer(tx, input), input.inSameTransaction);
}

type UpdateRequest = Omit<UpdateInput, "customerId"> & ({ customerId: number } | { lookup: Omit<IdentifierLookup, "orgId" | "tx"> }) & { inSameTransaction?: AfterCustomerWrite };

/** updateCustomer by id, or by an identifier (`lookup`), then `inSameTransaction`, inside the caller's transaction. */
export async function saveCustomerUpdateIn(tx: CustomerTx, input: UpdateRequest): Promise<CustomerWriteResult> {
  const customerId = "customerId" in input ? input.customerId : (await lookupCustomer({ ...input.lookup, orgId: input.orgId, tx })).id;
  return withThen(tx, await updateCustomer(tx, { ...input, customerId }), input.inSameTransaction);
}

export async function saveIdentifierChange(input: Parameters<typeof changeIdentifiers>[1] & { body: ChangeIdentifierBody }) {
  return db.$transaction((tx) => changeIdentifiers(tx, input));
}

async function withThen(tx: CustomerTx, saved: CustomerWriteResult, after: AfterCustomerWrite | undefined): Promise<CustomerWriteResult> {
  if (!after) return saved;
  return { ...saved, warnings: [...saved.warnings, ...(await after(tx, saved))] };
}
