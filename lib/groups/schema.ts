import { z } from "zod";
import { groupIssue } from "./errors";

// Input shapes of the user-group API (SPEC §1, SPEC-vendor-api §E), one zod schema per request
// part. Rules with a vendor code are custom issues carrying it (groupIssue), so the API answers
// with the vendor's code and the console's forms show the same message on the same field.
// Client-safe: no Prisma, no server-only.

export const MEMBER_PERMISSIONS = ["allow_points_redemption", "allow_points_transfer", "block_points_redemption", "block_points_transfer"] as const;
export type MemberPermission = (typeof MEMBER_PERMISSIONS)[number];

export const GROUP_NAME_MAX = 50;
export const EXTERNAL_ID_MAX = 50;
/** More members than this in one join request are refused (the vendor's 1060 "Batch limit size exceeded."). */
export const JOIN_BATCH_LIMIT = 100;

const id = z.number().int().positive().max(2_147_483_647);
/** Ids in query strings and paths: digits only. */
export const numericId = z.string().regex(/^\d{1,10}$/, "must be a numeric id").transform(Number).pipe(id);
const flag = z.enum(["true", "false"]).transform((v) => v === "true");
const extendedFieldValue = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);
export const extendedFieldsInput = z.record(z.string(), extendedFieldValue).meta({ description: "Extended fields declared for user groups ({name: value})." });

const groupNameField = z.string().trim().max(GROUP_NAME_MAX, `must be at most ${GROUP_NAME_MAX} characters`);
const externalIdField = z.string().trim().max(EXTERNAL_ID_MAX, `must be at most ${EXTERNAL_ID_MAX} characters`);

/** POST /v2/userGroup2 (SPEC §1.1). `limit` is documented without a purpose: accepted and ignored. */
export const createGroupSchema = z
  .object({
    externalId: externalIdField.nullish().meta({ description: "Unique in the org; at most 50 characters." }),
    groupName: groupNameField.optional(),
    maxGroupSize: z.number().int().nullish().meta({ description: `Positive; at most CONF_MAX_FLEET_GROUP_SIZE (default 30,000).` }),
    extendedFields: extendedFieldsInput.optional(),
    limit: z.unknown().optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.externalId) ctx.addIssue({ code: "custom", path: ["externalId"], ...groupIssue(1634) });
    if (v.maxGroupSize === undefined || v.maxGroupSize === null) ctx.addIssue({ code: "custom", path: ["maxGroupSize"], ...groupIssue(403, ["maxGroupSize"]) });
    else if (v.maxGroupSize <= 0) ctx.addIssue({ code: "custom", path: ["maxGroupSize"], ...groupIssue(1640) });
  })
  .transform((v) => ({ externalId: v.externalId ?? "", groupName: v.groupName ?? "", maxGroupSize: v.maxGroupSize ?? 0, extendedFields: v.extendedFields ?? {} }));
export type CreateGroupInput = z.output<typeof createGroupSchema>;

/** PUT /v2/userGroup2 (SPEC §1.2, vendor §0.6): `id` or `externalId` picks the group. */
export const updateGroupSchema = z
  .object({
    id: id.optional(),
    externalId: externalIdField.optional(),
    groupName: groupNameField.optional(),
    maxGroupSize: z.number().int().optional(),
    extendedFields: extendedFieldsInput.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.id === undefined && !v.externalId) ctx.addIssue({ code: "custom", path: [], ...groupIssue(1644) });
    if (v.externalId !== undefined && v.externalId === "") ctx.addIssue({ code: "custom", path: ["externalId"], ...groupIssue(1634) });
    if (v.maxGroupSize !== undefined && v.maxGroupSize <= 0) ctx.addIssue({ code: "custom", path: ["maxGroupSize"], ...groupIssue(1640) });
  });
export type UpdateGroupInput = z.output<typeof updateGroupSchema>;

/** `?id=|externalId=|primaryUserId=`: which group a request is about (join, get, delete). */
export const groupSelectorShape = {
  id: numericId.optional(),
  externalId: z.string().trim().min(1).max(EXTERNAL_ID_MAX).optional(),
  primaryUserId: numericId.optional(),
};
export type GroupSelector = { id?: number | undefined; externalId?: string | undefined; primaryUserId?: number | undefined };

function requireSelector(v: GroupSelector, ctx: z.RefinementCtx) {
  if (v.id === undefined && v.externalId === undefined && v.primaryUserId === undefined) ctx.addIssue({ code: "custom", path: [], ...groupIssue(1635) });
}

export const groupSelectorQuery = z.object(groupSelectorShape).superRefine(requireSelector);

/** DELETE /v2/userGroup2?id=|externalId= (vendor §E.3). */
export const deleteGroupQuery = z.object({ id: groupSelectorShape.id, externalId: groupSelectorShape.externalId }).superRefine(requireSelector);

/** GET /v2/userGroup2 (SPEC §1.6, vendor §E.2). */
export const getGroupQuery = z
  .object({
    ...groupSelectorShape,
    programDetails: flag.optional(),
    expiredPoints: flag.optional(),
    expirySchedules: flag.optional(),
    gapToUpgradeFor: z.string().max(200).optional(),
    gapToRenewFor: z.string().max(200).optional(),
    companyDetails: flag.optional(),
  })
  .superRefine(requireSelector);

/** One member of a join request (SPEC §1.3). Permission codes are checked per member (1641), so one bad member fails alone. */
export const joinMemberSchema = z.object({
  userId: id,
  primaryMember: z.boolean().optional(),
  permissions: z.array(z.string().max(50)).optional().meta({ description: `Any of ${MEMBER_PERMISSIONS.join(", ")}.` }),
  defaultGroup: z.boolean().optional().meta({ description: "The group used for the member's group transactions; one per customer." }),
  active: z.boolean().optional(),
});
export type JoinMember = z.output<typeof joinMemberSchema>;

export const joinBodySchema = z
  .array(joinMemberSchema)
  .min(1, "pass at least one member")
  .superRefine((v, ctx) => {
    if (v.length > JOIN_BATCH_LIMIT) ctx.addIssue({ code: "custom", path: [], message: `Batch limit size exceeded: at most ${JOIN_BATCH_LIMIT} members per request.`, params: { code: 1060 } });
  });

export const LEAVE_IDENTIFIERS = ["mobile", "email", "externalId", "cardnumber", "cardExternalId", "id"] as const;
export type LeaveIdentifier = (typeof LEAVE_IDENTIFIERS)[number];
export const SOURCES = ["INSTORE", "MARTJACK", "WECHAT", "FACEBOOK", "WEB_ENGAGE", "TMALL", "TAOBAO", "JD", "ECOMMERCE", "WEBSITE", "LINE", "MOBILE_APP", "ALL"] as const;

/** DELETE /v2/userGroup2/{groupId}/leave (SPEC §1.4). */
export const leaveParams = z.object({ groupId: numericId });
export const leaveQuery = z.object({
  source: z.enum(SOURCES),
  identifierName: z.enum(LEAVE_IDENTIFIERS),
  identifierValue: z.string().trim().min(1).max(200),
  accountId: z.string().max(100).optional(),
});

/** POST /v2/userGroup2/transfer (SPEC §1.5): batch-capable, all or nothing. */
export const transferBodySchema = z.object({
  leaveGroupId: id,
  joinGroupId: id,
  userIds: z.array(id).min(1, "pass at least one user id").max(JOIN_BATCH_LIMIT),
});
export type TransferInput = z.output<typeof transferBodySchema>;

const pageLimit = z.coerce.number().int().catch(20).transform((n) => (n <= 0 ? 20 : Math.min(n, 100)));
const pageOffset = z.coerce.number().int().catch(0).transform((n) => Math.max(0, n));

/** GET /v2/userGroup2/search (SPEC §1.7). */
export const searchGroupsQuery = z.object({ q: z.string().trim().min(1, "pass something to search for").max(100), limit: pageLimit.optional(), offset: pageOffset.optional() });

export const MEMBER_SORTS = ["IS_PRIMARY", "JOINED_ON", "USER_ID"] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];
const joinDateOf = (s: string) => new Date(`${s.replace(" ", "T")}${s.length === 10 ? "T00:00:00" : ""}Z`);
const joinDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/, "must be YYYY-MM-DD HH:mm:ss")
  // The pattern lets 2026-13-45 through; a date that does not read back the same is not one.
  .refine((s) => {
    const date = joinDateOf(s);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, s.length).replace("T", " ") === s;
  }, "is not a real date and time")
  .transform(joinDateOf);

/** GET /v2/userGroup2/members (SPEC §1.8); `includeExited=true` adds the members who left. */
export const membersQuery = z.object({
  source: z.enum(SOURCES).optional(),
  identifierName: z.enum(["id", "externalId"]).default("id"),
  identifierValue: z.string().trim().min(1).max(EXTERNAL_ID_MAX),
  includeCardDetails: flag.optional(),
  includeStatusDetails: flag.optional(),
  paginationDetails: flag.optional(),
  includeExited: flag.optional(),
  limit: pageLimit.optional(),
  offset: pageOffset.optional(),
  sortOrder: z.enum(["ASC", "DESC", "asc", "desc"]).transform((s) => s.toUpperCase() as "ASC" | "DESC").optional(),
  sortBy: z.enum(MEMBER_SORTS).optional(),
  fromDate: joinDate.optional(),
  toDate: joinDate.optional(),
});

const isoDate = z.string().max(40).refine((s) => !Number.isNaN(Date.parse(s)), "must be an ISO date").transform((s) => new Date(s));

/** GET /v2/userGroup2/transactions (vendor §E.5). */
export const groupTransactionsQuery = z
  .object({
    ...groupSelectorShape,
    identifierName: z.enum(["mobile", "email", "externalId"]).optional(),
    identifierValue: z.string().trim().min(1).max(200).optional(),
    source: z.enum(SOURCES).optional(),
    accountId: z.string().max(100).optional(),
    type: z.enum(["REGULAR", "RETURN"]).optional(),
    transactionId: numericId.optional(),
    billNumber: z.string().trim().min(1).max(100).optional(),
    customerId: numericId.optional(),
    startDate: isoDate.optional(),
    endDate: isoDate.optional(),
    embed: z.string().max(200).optional(),
    getDataForAllPrograms: flag.optional(),
    creditNotes: flag.optional(),
    offset: pageOffset.optional(),
    limit: pageLimit.optional(),
    order: z.enum(["asc", "desc", "ASC", "DESC"]).transform((s) => s.toLowerCase() as "asc" | "desc").optional(),
  })
  .superRefine((v, ctx) => {
    const byPrimary = v.identifierName !== undefined && v.identifierValue !== undefined;
    if (v.id === undefined && v.externalId === undefined && v.primaryUserId === undefined && !byPrimary) ctx.addIssue({ code: "custom", path: [], ...groupIssue(1635) });
  });
