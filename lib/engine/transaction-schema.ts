import { z } from "zod";

// The body of POST /v2/transactions (SPEC-vendor-api §C.1) and of each element of
// /v2/transactions/bulk (§C.2). Client-safe. Unknown vendor fields (paymentModes, attribution,
// promotion identifiers, …) are accepted and stored nowhere: they change no points. Rules with a
// vendor code (§C.7) are custom issues carrying it, so the envelope answers with that code.

export const TRANSACTION_TYPES = ["REGULAR", "RETURN", "NOT_INTERESTED", "NOT_INTERESTED_RETURN"] as const;
export const RETURN_TYPES = ["AMOUNT", "FULL", "LINE_ITEM", "CANCELLED"] as const;
export const SOURCES = ["INSTORE", "MARTJACK", "WECHAT", "FACEBOOK", "WEB_ENGAGE", "TMALL", "TAOBAO", "JD", "ECOMMERCE", "WEBSITE", "LINE", "MOBILE_APP", "OTHERS"] as const;
/** §A.3: identifiers the transaction APIs take (cardnumber and cardExternalId on the single API). */
export const TRANSACTION_IDENTIFIERS = ["mobile", "email", "externalId", "id", "cardnumber", "cardExternalId", "wechat", "martjackId", "fbId"] as const;
export type TransactionIdentifier = (typeof TRANSACTION_IDENTIFIERS)[number];

const vendor = (code: number, message: string) => ({ message, params: { code } });

/** A money amount: a JSON number, or a numeric string as some POS systems send. */
const money = z.preprocess(
  (v) => (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : v),
  z.number({ error: "must be a number" }).finite(),
);

const extendedValue = z.union([z.string().max(500), z.number().finite(), z.boolean(), z.null()]);
export const extendedFieldsSchema = z.record(z.string().max(100), extendedValue);

export const lineItemSchema = z.looseObject({
  itemCode: z.string().trim().max(150).optional(),
  serial: z.union([z.string().max(100), z.number()]).optional(),
  description: z.string().max(500).optional(),
  amount: money.optional(),
  rate: money.optional(),
  qty: money.optional(),
  value: money.optional(),
  discount: money.optional(),
  type: z.enum(TRANSACTION_TYPES).optional(),
  returnType: z.enum(["AMOUNT", "FULL", "LINE_ITEM"]).optional(),
  parentBillNumber: z.string().trim().max(100).optional(),
  extendedFields: extendedFieldsSchema.optional(),
});
export type LineItem = z.output<typeof lineItemSchema>;

const dateTime = z.string().max(40).refine((s) => !Number.isNaN(Date.parse(s)), "must be an ISO 8601 date-time");

export const transactionBodySchema = z
  .looseObject({
    type: z.string().max(50).optional(),
    billNumber: z.string().max(100).optional(),
    billAmount: money.optional(),
    billingDate: dateTime.optional(),
    grossAmount: money.optional(),
    discount: money.optional(),
    note: z.string().max(1000).optional(),
    returnType: z.string().max(50).optional(),
    purchaseTime: dateTime.optional(),
    notInterestedReason: z.string().max(255).optional(),
    userGroup2Id: z.number().int().positive().optional(),
    userGroup2ExternalId: z.string().trim().min(1).max(100).optional(),
    userGroup2PrimaryUserId: z.number().int().positive().optional(),
    extendedFields: extendedFieldsSchema.optional(),
    customFields: z.record(z.string(), z.unknown()).optional(),
    lineItemsV2: z.array(lineItemSchema).max(1000).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.type === undefined || !(TRANSACTION_TYPES as readonly string[]).includes(b.type)) {
      ctx.addIssue({ code: "custom", path: ["type"], ...vendor(605, "Invalid transaction type passed (regular, return, not_interested, not_interested_return).") });
    }
    if (b.billNumber === undefined || b.billNumber.trim() === "") {
      ctx.addIssue({ code: "custom", path: ["billNumber"], ...(b.type === "RETURN" ? vendor(677, "Please enter a transaction number for returning a transaction.") : vendor(602, "Invalid transaction number.")) });
    }
    if (b.billAmount === undefined) ctx.addIssue({ code: "custom", path: ["billAmount"], ...vendor(601, "Invalid transaction amount.") });
    else if (b.billAmount < 0) ctx.addIssue({ code: "custom", path: ["billAmount"], ...vendor(631, "Transaction amount cannot be negative.") });
    if (b.grossAmount !== undefined && b.grossAmount < 0) ctx.addIssue({ code: "custom", path: ["grossAmount"], ...vendor(665, "Gross amount of the transaction cannot be negative.") });
    if (b.discount !== undefined && b.discount < 0) ctx.addIssue({ code: "custom", path: ["discount"], ...vendor(666, "Discount cannot be negative.") });
    if (b.type === "RETURN") {
      if (b.returnType === undefined || !(RETURN_TYPES as readonly string[]).includes(b.returnType)) {
        ctx.addIssue({ code: "custom", path: ["returnType"], ...vendor(1634, "Return type is invalid.") });
      } else if (b.returnType === "LINE_ITEM" && !(b.lineItemsV2 ?? []).length) {
        ctx.addIssue({ code: "custom", path: ["lineItemsV2"], ...vendor(1635, "Please pass line-items that need to be returned.") });
      }
    }
    (b.lineItemsV2 ?? []).forEach((line, i) => {
      for (const [key, code, message] of [
        ["amount", 661, "Line-item amount cannot be negative."],
        ["value", 662, "Value of a line cannot be negative."],
        ["rate", 663, "Rate of a line-item cannot be negative"],
        ["discount", 664, "Discount of a line-item cannot be negative."],
        ["qty", 627, "Quantity cannot be negative."],
      ] as const) {
        const v = line[key];
        if (typeof v === "number" && v < 0) ctx.addIssue({ code: "custom", path: ["lineItemsV2", i, key], ...vendor(code, message) });
      }
    });
  });

export type TransactionBody = z.output<typeof transactionBodySchema> & {
  type: (typeof TRANSACTION_TYPES)[number];
  billNumber: string;
  billAmount: number;
  returnType?: (typeof RETURN_TYPES)[number];
};

/** The customer of a single transaction, named in the query (§C.1). */
export const transactionQuerySchema = z.object({
  source: z.enum(SOURCES, { error: `source must be one of ${SOURCES.join(", ")}` }),
  identifierName: z.enum(TRANSACTION_IDENTIFIERS, { error: `identifierName must be one of ${TRANSACTION_IDENTIFIERS.join(", ")}` }),
  identifierValue: z.string().trim().min(1, "identifierValue is required").max(200),
  accountId: z.string().max(100).optional(),
  use_async: z.string().max(10).optional(),
  rawSideEffects: z.string().max(10).optional(),
});

/** One element of the bulk body: a §C.1 body naming its own customer (§C.2). */
export const bulkItemCustomerSchema = z.object({
  identifierType: z.enum(TRANSACTION_IDENTIFIERS.filter((i) => i !== "cardnumber" && i !== "cardExternalId") as [TransactionIdentifier, ...TransactionIdentifier[]], {
    error: "identifierType must be one of mobile, email, externalId, id, wechat, martjackId, fbId",
  }),
  identifierValue: z.union([z.string(), z.number()]).transform(String).pipe(z.string().trim().min(1).max(200)),
  source: z.enum(SOURCES),
});

export const BULK_LIMIT = 100;
export const bulkBodySchema = z
  .array(z.unknown())
  .min(1, "send at least one transaction")
  .superRefine((items, ctx) => {
    if (items.length > BULK_LIMIT) ctx.addIssue({ code: "custom", ...vendor(672, `Batch limit exceeded: at most ${BULK_LIMIT} transactions a request.`) });
  });
