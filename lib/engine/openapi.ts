import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { apiOperation, warningSchema, type DocumentedError } from "@/lib/api/openapi/operation";
import { balanceQuery, customerIdParams, expiryScheduleQuery, groupIdParams, ledgerBalanceQuery, ledgerInfoQuery, loyaltyDetailsQuery } from "./points-schema";
import { bulkBodySchema, transactionBodySchema, transactionQuerySchema } from "./transaction-schema";

const sideEffect = z
  .object({
    type: z.literal("points"),
    entityType: z.enum(["USER", "USERGROUP2"]),
    awardedPoints: z.number().int().meta({ description: "The integer part of rawAwardedPoints (negative for a return's claw-back)." }),
    rawAwardedPoints: z.number(),
    programId: z.number().int(),
    ownerId: z.number().int().meta({ description: "The customer (USER) or user group (USERGROUP2) whose wallet moved." }),
    conditionName: z.string().meta({ description: "The workflow condition that awarded it, \"Default rate\", or \"Return\"." }),
    expiresOn: z.string().nullable().meta({ description: "YYYY-MM-DD, or null for points that never expire." }),
    movementId: z.number().int(),
  })
  .meta({ id: "PointsSideEffect" });

const transactionAnswer = z.object({ createdId: z.number().int(), warnings: z.array(warningSchema), errors: z.array(z.unknown()), sideEffects: z.array(sideEffect) });

const idempotencyHeader = z.object({
  "Idempotency-Key": z.string().max(255).optional().meta({ description: "Retry safely: the same key and body replay the first answer (header Idempotent-Replayed: true); another body is a 409." }),
});

const ERRORS: DocumentedError[] = [
  { status: 400, code: 602, message: "Invalid transaction number." },
  { status: 400, code: 605, message: "Invalid transaction type passed (regular, return, not_interested, not_interested_return)." },
  { status: 400, code: 631, message: "Transaction amount cannot be negative." },
  { status: 400, code: 1634, message: "Return type is invalid." },
  { status: 400, code: 91016, message: "Extended field name {x} is invalid." },
  { status: 404, code: 8015, message: "No customer found for the given identifiers." },
  { status: 404, code: 625, message: "Transaction number does not exist." },
  { status: 409, code: 604, message: "Transaction number already exists." },
  { status: 409, code: 409, message: "Idempotency-Key {key} was already used with a different request." },
  { status: 409, code: 639, message: "Unable to return full transaction; part or all already returned." },
  { status: 409, code: 637, message: "Unable to revert points issued to the customer (for return transaction)." },
  { status: 422, code: 630, message: "Return amount more than the transaction/line-item amount." },
  { status: 422, code: 1619, message: "Group id {x} is invalid" },
];

export const enginePaths: ZodOpenApiPathsObject = {
  "/v2/transactions": {
    post: {
      ...apiOperation({
        tag: "Transactions",
        summary: "Add a transaction (purchase or return)",
        description:
          "One bill of the customer named in the query, from the API client's till. Runs the default program and the program of the till's zone or concept (or of the card series) — a return runs in the original purchase's programs — and answers the points each wallet got.",
        scope: "transactions:write",
        query: transactionQuerySchema,
        body: transactionBodySchema,
        response: transactionAnswer,
        errors: ERRORS,
      }),
      requestParams: { query: transactionQuerySchema, header: idempotencyHeader },
    },
  },
  "/v2/transactions/bulk": {
    post: {
      ...apiOperation({
        tag: "Transactions",
        summary: "Add transactions in bulk",
        description: "Up to 100 bills, each naming its own customer (identifierType, identifierValue, source). Each runs on its own; the answer lists every element with its errors.",
        scope: "transactions:write",
        body: bulkBodySchema,
        response: z.object({
          response: z.array(z.object({ entityId: z.number().int().nullable(), result: z.record(z.string(), z.unknown()).nullable(), errors: z.array(z.unknown()), warnings: z.array(z.unknown()) })),
          totalCount: z.number().int(),
          failureCount: z.number().int(),
        }),
        errors: [{ status: 400, code: 672, message: "Batch limit exceeded." }],
      }),
      requestParams: { header: idempotencyHeader },
    },
  },
};

const wallet = z
  .object({
    programId: z.number().int(), programName: z.string(), isDefault: z.boolean(),
    current: z.string(), lifetime: z.string(), promotional: z.string(),
    expirySchedule: z.array(z.object({
      expiresOn: z.string().nullable(), points: z.string(), kind: z.enum(["REGULAR", "PROMOTIONAL"]),
      expiryType: z.enum(["fixed", "rolling"]).meta({ description: "rolling: awarded under a rolling expiry condition; a rolling event may push the date." }),
    })),
    nextExpiry: z.object({ expiresOn: z.string(), points: z.string() }).nullable().meta({ description: "The earliest date points expire on, and how many (every kind); null when nothing is dated." }),
  })
  .meta({ id: "ProgramWallet", description: "A wallet in one program: decimals as text, expiry schedule of the open lots by date (null: never expires), the next expiry." });
const loose = z.record(z.string(), z.unknown());
const NOT_FOUND: DocumentedError[] = [{ status: 404, code: 8015, message: "No customer found for the given identifiers." }];
const FLEET: DocumentedError[] = [...NOT_FOUND, { status: 404, code: 1647, message: "Default Fleet group not set for the user." }];

export const pointsPaths: ZodOpenApiPathsObject = {
  "/v2/ping": {
    get: apiOperation({
      tag: "Points", summary: "Check the API client's credentials",
      description: "Answers 200 for a valid API client and does nothing else: a health check for integrations.",
      response: z.object({ ok: z.literal(true), orgId: z.number().int(), warnings: z.array(z.unknown()) }),
    }),
  },
  "/v2/customers/{id}/points": {
    get: apiOperation({
      tag: "Points", summary: "A customer's wallets (ours)", scope: "points:read", params: customerIdParams,
      description: "Per program: current, lifetime and promotional points with the expiry schedule; the customer's default group's wallets apart.",
      response: z.object({ customerId: z.number().int(), programs: z.array(wallet), group: z.object({ groupId: z.number().int(), externalId: z.string(), groupName: z.string(), programs: z.array(wallet) }).nullable(), warnings: z.array(z.unknown()) }),
      errors: NOT_FOUND,
    }),
  },
  "/v2/userGroup2/{groupId}/points": {
    get: apiOperation({
      tag: "Points", summary: "A group's wallets (ours)", scope: "points:read", params: groupIdParams,
      response: z.object({ groupId: z.number().int(), externalId: z.string(), groupName: z.string(), programs: z.array(wallet), warnings: z.array(z.unknown()) }),
      errors: [{ status: 404, code: 1619, message: "Group id {x} is invalid" }],
    }),
  },
  "/v2/customers/points/balance": {
    get: apiOperation({ tag: "Points", summary: "Points balance (vendor §D.8)", scope: "points:read", query: balanceQuery, description: "entityType=FLEET answers the member's default group's balance.", response: loose, errors: [...FLEET, { status: 422, code: 1213, message: "Invalid programId passed in request." }] }),
  },
  "/v2/customers/{id}/pointsExpirySchedule": {
    get: apiOperation({ tag: "Points", summary: "Points expiry schedule (vendor §D.8)", scope: "points:read", params: customerIdParams, query: expiryScheduleQuery, response: loose, errors: NOT_FOUND }),
  },
  "/v2/customers/{id}/loyaltyDetails": {
    get: apiOperation({ tag: "Points", summary: "Loyalty details per program (vendor §D.8)", scope: "points:read", params: customerIdParams, query: loyaltyDetailsQuery, response: loose, errors: NOT_FOUND }),
  },
  "/v2/pointsLedger/getCustomerLedgerInfo": {
    get: apiOperation({ tag: "Points", summary: "Points ledger entries (vendor §D.7)", scope: "points:read", query: ledgerInfoQuery, description: "Movements on the wallet in a window (7 days by default, at most 30), 10 a page.", response: loose, errors: [...FLEET, { status: 422, code: 1214, message: "startDate is after endDate." }] }),
  },
  "/v2/pointsLedger/getCustomerLedgerBalance": {
    get: apiOperation({ tag: "Points", summary: "Points ledger closing balance (vendor §D.7)", scope: "points:read", query: ledgerBalanceQuery, response: loose, errors: FLEET }),
  },
};
