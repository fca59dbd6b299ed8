import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { apiOperation, warningSchema, type DocumentedError } from "@/lib/api/openapi/operation";
import { TRANSFER_ERRORS, type TransferErrorCode } from "./errors";
import { customerCheckBodySchema, customerTransferBodySchema } from "./customer-schema";
import { customerTransfersParams, customerTransfersQuery, transferHistoryQuery } from "./history-schema";
import { movePointsBody, movePointsParams } from "./move-schema";
import { groupTransferBodySchema } from "./schema";

// The transfer routes in the OpenAPI document (SPEC §2.1–2.2, SPEC-vendor-api §D.3–D.6), from the
// schemas the handlers parse with.
const tag = "Points transfers";

const STATUS: Record<string, DocumentedError["status"]> = { INVALID: 422, NOT_FOUND: 404, CONFLICT: 409, FORBIDDEN: 403 };
/** The documented errors of a route: each code at the HTTP status it is answered with (input shape problems are 400). */
export function transferErrors(list: readonly (TransferErrorCode | [TransferErrorCode, DocumentedError["status"]])[]): DocumentedError[] {
  return list.map((entry) => {
    const [code, status] = Array.isArray(entry) ? entry : [entry, STATUS[TRANSFER_ERRORS[entry].kind]!];
    return { status, code, message: TRANSFER_ERRORS[code].message };
  });
}

const idempotencyHeader = z.object({
  "Idempotency-Key": z.string().max(255).optional().meta({ description: "Retry safely: the same key and body replay the first answer (header Idempotent-Replayed: true); another body is a 409." }),
});

const person = z.object({ userId: z.number().int(), firstName: z.string(), lastName: z.string() });
const groupParty = z.object({
  id: z.number().int(), groupStatus: z.string(), createdBy: z.string(), createdOn: z.string(), lifeTimePurchases: z.number(),
  fleetGroupUsers: z.array(z.object({ userId: z.number().int(), groupId: z.number().int(), defaultGroup: z.boolean(), active: z.boolean(), primaryMember: z.boolean() })),
});
export const transferItemSchema = z
  .object({
    toEntityId: z.number().int(), toEntityType: z.enum(["CUSTOMER", "USERGROUP2"]),
    fromEntityId: z.number().int(), fromEntityType: z.enum(["CUSTOMER", "USERGROUP2"]),
    pointsTransferDate: z.string().meta({ description: "YYYY-MM-DD HH:MM:SS (UTC)" }), pointsTransferDateISO: z.string(),
    pointsTransferred: z.number(), transferId: z.number().int(),
    transferType: z.enum(["DEDUCTION", "ADDITION"]).meta({ description: "DEDUCTION seen from the sender, ADDITION from the recipient." }),
    transferredFrom: person.optional().meta({ description: "The sending customer (a customer sender)." }),
    transferredFromUserGroup2: groupParty.optional().meta({ description: "The sending group with its current members (a group sender)." }),
    transferredTo: person.optional(),
    transferredToUserGroup2: groupParty.optional(),
    notes: z.string(), programName: z.string(),
    promotionalPointsLeftBehind: z.number().meta({ description: "Ours: promotional points that stayed with the sender because a group wallet never holds them." }),
  })
  .meta({ id: "PointsTransfer" });

const breakup = z.array(z.object({ programId: z.number().int(), deductedPoints: z.number(), programCurrentPoints: z.number() }));

const GROUP_ERRORS = transferErrors([
  [422, 400], [807, 400], [885, 400], [1206, 400], [1207, 400], [1208, 400], [434, 400],
  434, 885, 418, [1206, 404], [1207, 404], [1645, 404], 1645, 1651, 817, 818,
]);

const historyResponse = z.object({
  data: z.array(transferItemSchema),
  pagination: z.object({ limit: z.number().int(), offset: z.number().int(), total: z.number().int() }),
  warnings: z.array(z.unknown()), errors: z.array(z.unknown()),
});

const C2C_ERRORS = transferErrors([[422, 400], [807, 400], [885, 400], [8013, 400], [8015, 400], 885, 817, 3316, 418, 8015, 808, 818]);

export const transfersPaths: ZodOpenApiPathsObject = {
  "/v2/points/userGroup2/transfer": {
    post: {
      ...apiOperation({
        tag, scope: "points:write", summary: "Transfer points between a customer and a group, or two groups",
        description:
          "Individual → group, group → individual, group → group (SPEC §2.1). From a customer, `transferredBy` (optional) must be that customer (434). From a group, `transferredBy` is a current member (1651) with transfer permission: the primary, or allow_points_transfer without block_points_transfer (817). Points leave the sender's wallet in `programId` (the default program when absent; a group's wallet is the default program's unless CONF_ENABLE_GROUP_POINTS_BY_PROGRAM), first-expiring first, and keep their expiry. Promotional points never move to a group wallet: they stay with the sender and the answer says how many (warning 1209, ours). One DB transaction; Idempotency-Key replays.",
        body: groupTransferBodySchema,
        response: z.object({ data: z.array(transferItemSchema.extend({ pointsTransferBreakupByEarningPrograms: breakup })), warnings: z.array(warningSchema), errors: z.array(z.unknown()) }),
        errors: [...GROUP_ERRORS, { status: 403, code: 1690, message: "User groups are not enabled for this org: turn on CONF_USER_GROUP_ENABLED." }, { status: 409, code: 409, message: "Idempotency-Key {key} was already used with a different request." }],
      }),
      requestParams: { header: idempotencyHeader },
    },
  },
  "/v2/points/userGroup2/isTransferrable": {
    post: apiOperation({
      tag, scope: "points:read", summary: "Check a group transfer",
      description: "The same body and rules as the transfer; nothing moves. Not enough (regular, for a group recipient) points answers `transferrable: false` with 818 in `errors`.",
      body: groupTransferBodySchema,
      response: z.object({ data: z.array(z.object({ pointsTobeTransferred: z.number(), transferrable: z.boolean() })), warnings: z.array(z.unknown()), errors: z.array(z.unknown()) }),
      errors: GROUP_ERRORS.filter((e) => e.code !== 818),
    }),
  },
  "/v2/points/isTransferrable": {
    post: apiOperation({
      tag, scope: "points:write", summary: "Check a customer-to-customer transfer (and send the OTP)",
      description: "The transfer's rules and the sender's balance; nothing moves. With `issueOtp: true` and a possible transfer, a POINTSTRANSFER code goes to the sender's mobile (else e-mail) through the outbox (warning 876 when the sender has neither). `transferFrom` / `transferTo` are the customers as GET /v2/customers/{id} shows them.",
      body: customerCheckBodySchema,
      response: z.object({ data: z.array(z.object({ pointsTobeTransferred: z.number(), transferFrom: z.record(z.string(), z.unknown()).nullable(), transferTo: z.record(z.string(), z.unknown()).nullable(), transferrable: z.boolean() })), warnings: z.array(warningSchema), errors: z.array(z.unknown()) }),
      errors: C2C_ERRORS.filter((e) => e.code !== 818 && e.code !== 808),
    }),
  },
  "/v2/points/transfer": {
    post: {
      ...apiOperation({
        tag, scope: "points:write", summary: "Transfer points from one customer to another",
        description:
          "SPEC §2.2 / vendor §D.4. `code` is the OTP sent to the sender (isTransferrable with issueOtp, or POST /v2/otp/generate with action POINTSTRANSFER): good for 10 minutes and 5 wrong tries, used once (808 otherwise). With POINTS_TRANSFER_OTP_WAIVED_FOR_TRUSTED_CLIENTS on, clients an admin marked as trusted need none. Points leave the sender's wallet in `programId` (default program when absent) — with `groupProgramTransfer`, every program's wallet, first-expiring first (needs ENABLE_GROUP_PROGRAMS_REDEMPTION, else 3316) — and land in the recipient's default program. One DB transaction; Idempotency-Key replays.",
        body: customerTransferBodySchema,
        response: z.object({ data: z.array(transferItemSchema.extend({ pointsTransferBreakupByEarningPrograms: breakup })), warnings: z.array(warningSchema), errors: z.array(z.unknown()) }),
        errors: [...C2C_ERRORS, { status: 409, code: 409, message: "Idempotency-Key {key} was already used with a different request." }],
      }),
      requestParams: { header: idempotencyHeader },
    },
    get: apiOperation({
      tag, scope: "points:read", summary: "Transfer history of a customer or a group",
      description: "Vendor §D.6: every transfer the customer (or, with userEntityType=USERGROUP2, the group by id or externalId, whatever its status) sent (DEDUCTION) or received (ADDITION), newest first; `programId` keeps those whose points left that program's wallet.",
      query: transferHistoryQuery,
      response: historyResponse,
      errors: transferErrors([8015, [1645, 404]]),
    }),
  },
  "/v2/customers/{id}/pointsTransfers": {
    get: apiOperation({
      tag, scope: "points:read", summary: "A customer's points transfers",
      description: "Vendor §D.6: the customer's transfers sent (DEDUCTION) and received (ADDITION), newest first.",
      params: customerTransfersParams, query: customerTransfersQuery,
      response: historyResponse,
      errors: transferErrors([8015]),
    }),
  },
  "/v2/userGroup2/{groupId}/members/{customerId}/movePoints": {
    post: {
      ...apiOperation({
        tag, scope: "points:write", summary: "Move a member's individual points to the group (ours)",
        description:
          "Joining a group never moves points (SPEC §1); this moves all the member's regular points in `programId` (default program when absent) to the group's wallet as one TRANSFER movement, keeping their expiry. Promotional points stay with the member (`promotionalPointsLeftBehind`). When nothing is left to move, the answer is `pointsMoved: 0` with warning 1210 and nothing moves, so repeating the call is harmless; Idempotency-Key replays the first answer. Send `{}` for the defaults.",
        params: movePointsParams, body: movePointsBody,
        response: z.object({ data: z.array(transferItemSchema.extend({ pointsTransferBreakupByEarningPrograms: breakup })), pointsMoved: z.number(), promotionalPointsLeftBehind: z.number(), warnings: z.array(warningSchema), errors: z.array(z.unknown()) }),
        errors: [
          { status: 404, code: 1619, message: "Group ID {x} invalid." },
          { status: 409, code: 1620, message: "User {0} does not belong to group {1}." },
          ...transferErrors([885, 1645, 818]),
          { status: 403, code: 1690, message: "User groups are not enabled for this org: turn on CONF_USER_GROUP_ENABLED." },
        ],
      }),
      requestParams: { header: idempotencyHeader },
    },
  },
};
