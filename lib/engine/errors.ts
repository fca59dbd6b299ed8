import { AppError, type AppErrorKind } from "@/lib/errors";

/** Input the API refuses by its own rules beyond the schema (an undeclared extended field): a 400. */
export class BadRequestError extends AppError {
  constructor(message: string, options: { code?: number; field?: string } = {}) {
    super("INVALID", message, { code: options.code ?? 400, ...(options.field ? { field: options.field } : {}) });
  }

  override get status(): number {
    return 400;
  }
}

// The transaction codes the engine answers with (SPEC-vendor-api §C.7), the vendor's wording.
const CODES = {
  604: ["CONFLICT", "Transaction number already exists."],
  611: ["NOT_FOUND", "Customer not found."],
  614: ["CONFLICT", "Transaction is already cancelled."],
  624: ["INVALID", "Unable to process return-transaction. You can make a return only after adding a transaction."],
  625: ["NOT_FOUND", "Transaction number does not exist."],
  626: ["INVALID", "Returned quantity more than purchased."],
  629: ["INVALID", "Return quantity more than available quantity."],
  630: ["INVALID", "Return amount more than the transaction/line-item amount."],
  632: ["CONFLICT", "Cannot return with LINE_ITEM; AMOUNT already used for this transaction."],
  633: ["CONFLICT", "The entire transaction is already returned."],
  635: ["CONFLICT", "Cannot return with AMOUNT; LINE_ITEM already used."],
  637: ["CONFLICT", "Unable to revert points issued to the customer (for return transaction)."],
  639: ["CONFLICT", "Unable to return full transaction; part or all already returned."],
  668: ["NOT_FOUND", "Unable to find the transaction number for this customer."],
  688: ["INVALID", "No matching line-item found for return."],
  1619: ["INVALID", "Group id {0} is invalid"],
  8015: ["NOT_FOUND", "No customer found for the given identifiers."],
} as const satisfies Record<number, readonly [AppErrorKind, string]>;

/** 91016 (the bulk sample): a field the org does not declare for transactions. */
export function unknownFieldError(name: string): AppError {
  return new BadRequestError(`Extended field name ${name} is invalid.`, { code: 91016, field: `extendedFields.${name}` });
}

export type TransactionCode = keyof typeof CODES;

export function txnError(code: TransactionCode, args: (string | number)[] = [], options: { field?: string; detail?: string } = {}): AppError {
  const [kind, text] = CODES[code];
  const message = text.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? "")) + (options.detail ? ` ${options.detail}` : "");
  return new AppError(kind, message, { code, ...(options.field ? { field: options.field } : {}) });
}
