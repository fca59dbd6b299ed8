import { z } from "zod";
import { associationDetailsSchema } from "./association-schema";
import {
  IDENTIFIER_NAMES,
  identifierNameOf,
  identifierProblem,
  LOOKUP_NAMES,
  normaliseIdentifier,
  SOURCES,
  UPDATE_LOOKUP_NAMES,
  type IdentifierName,
  type SourceName,
} from "./identifiers";

// Client-safe zod schemas of the /v2/customers API (SPEC-vendor-api §B). The route handlers parse
// with them, the OpenAPI document is generated from them, and lib/customers takes their output.
// A problem the vendor has a code for carries it in `params.code` (lib/api/envelope.ts).

const code = (vendorCode: number) => ({ params: { code: vendorCode } });

export const sourceSchema = z
  .string()
  .meta({ enum: [...SOURCES], description: "The profile's source.", example: "INSTORE" })
  .transform((raw, ctx): SourceName => {
    const upper = raw.trim().toUpperCase();
    if ((SOURCES as readonly string[]).includes(upper)) return upper as SourceName;
    ctx.addIssue({ code: "custom", message: `Invalid source passed: ${raw}`, ...code(8012) });
    return z.NEVER;
  });

/** Lookups and reads also take `ALL`: every source (SPEC-vendor-api §0.14). */
const sourceOrAllSchema = z
  .string()
  .meta({ enum: [...SOURCES, "ALL"], description: "The source to look in; ALL looks in every source.", example: "INSTORE" })
  .transform((raw, ctx): SourceName | "ALL" => {
    const upper = raw.trim().toUpperCase();
    if (upper === "ALL" || (SOURCES as readonly string[]).includes(upper)) return upper as SourceName | "ALL";
    ctx.addIssue({ code: "custom", message: `Invalid source passed: ${raw}`, ...code(8012) });
    return z.NEVER;
  });

const accountIdSchema = z.string().trim().max(100).meta({ description: "The source account, for multi-account sources (WECHAT, FACEBOOK, LINE, MOBILE_APP)." });

function identifierNameSchema(allowed: readonly IdentifierName[]) {
  return z
    .string()
    .meta({ enum: [...allowed], example: allowed[0] })
    .transform((raw, ctx): IdentifierName => {
      const name = identifierNameOf(raw.trim());
      if (name && allowed.includes(name)) return name;
      ctx.addIssue({ code: "custom", message: `Customer identifier is invalid: unknown identifier type ${raw} (use ${allowed.join(", ")})`, ...code(8013) });
      return z.NEVER;
    });
}

const plainValue = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);

export const identifierSchema = z
  .object({
    type: identifierNameSchema(IDENTIFIER_NAMES),
    value: z.string().max(150).meta({ example: "9781027293" }),
    seriesId: z.number().int().positive().optional().meta({ description: "Card series id (cards only)." }),
    seriesCode: z.string().trim().min(1).max(50).optional().meta({ description: "Card series code (cards only)." }),
    statusLabel: z.string().trim().min(1).max(50).optional().meta({ description: "Card status, e.g. ACTIVE (cards only)." }),
    extendedFields: z.record(z.string(), plainValue).optional(),
    customFields: z.record(z.string(), plainValue).optional(),
  })
  .transform((id, ctx) => {
    const problem = identifierProblem(id.type, id.value);
    if (problem) {
      ctx.addIssue({ code: "custom", message: problem.message, path: ["value"], ...code(problem.code) });
      return z.NEVER;
    }
    return { ...id, value: normaliseIdentifier(id.type, id.value) };
  });
export type IdentifierInput = z.output<typeof identifierSchema>;

const COMM_TYPES = ["mobile", "email", "wechat", "ios", "android", "line", "mobilePush"] as const;

export const commChannelSchema = z
  .object({
    type: z.string().meta({ enum: [...COMM_TYPES] }),
    value: z.string().max(255),
    primary: z.boolean().optional(),
    verified: z.boolean().optional(),
    subscribed: z.boolean().optional(),
    meta: z.object({ lastViewedDate: z.string().max(40).optional(), residence: z.boolean().optional(), office: z.boolean().optional() }).optional(),
    attributes: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine((channel, ctx) => {
    if (!(COMM_TYPES as readonly string[]).includes(channel.type)) {
      ctx.addIssue({ code: "custom", message: `communication channel is invalid: type ${channel.type}`, path: ["type"], ...code(8010) });
    } else if (channel.type === "email" && identifierProblem("email", channel.value)) {
      ctx.addIssue({ code: "custom", message: `Invalid email id in communication channel: ${channel.value}`, path: ["value"], ...code(8057) });
    } else if (channel.type === "mobile" && identifierProblem("mobile", channel.value)) {
      ctx.addIssue({ code: "custom", message: `Invalid mobile number in communication channel: ${channel.value}`, path: ["value"], ...code(8058) });
    }
  });

const name = z.string().trim().max(100, "Keep names to 100 characters or fewer.");

export const profileSchema = z.object({
  firstName: name.optional(),
  lastName: name.optional(),
  // The seed's bodies omit it: a profile without a source is INSTORE (issue 14).
  source: sourceSchema.default("INSTORE"),
  accountId: accountIdSchema.optional(),
  fields: z.record(z.string(), plainValue).optional().meta({ description: "The profile's custom fields." }),
  identifiers: z.array(identifierSchema).max(20).default([]),
  commChannels: z.array(commChannelSchema).max(20).optional(),
});
export type ProfileInput = z.output<typeof profileSchema>;

export const enrollmentRequestSchema = z.object({
  programId: z.number().int().positive(),
  tierNumber: z.number().int().min(1).optional().meta({ description: "1 is the lowest tier." }),
  loyaltyPoints: z.number().optional().meta({ description: "Opening points; not imported (warning 1010)." }),
  tierExpiryDate: z.string().max(40).optional(),
  pointsExpiryDate: z.string().max(40).optional(),
});

/** The body of POST /v2/customers and PUT /v2/customers/{id|lookup} (SPEC-vendor-api §B.1–B.2). */
export const customerBodySchema = z
  .object({
    // The seed's bodies omit it: loyalty (issue 14).
    loyaltyInfo: z.object({ loyaltyType: z.enum(["loyalty", "non_loyalty"]) }).default({ loyaltyType: "loyalty" }),
    profiles: z.array(profileSchema).min(1, "Pass at least one profile.").max(10),
    extendedFields: z.record(z.string(), plainValue).optional().meta({ description: "Customer-scope extended fields declared by the org." }),
    associatedWith: z.string().trim().min(1).max(50).optional().meta({ description: "The registering till's code." }),
    createDate: z.iso.datetime({ offset: true, local: true }).max(40).optional().meta({ description: "Registration time (ISO 8601)." }),
    loyaltyProgramEnrollments: z.array(enrollmentRequestSchema).max(50).optional(),
    endPointsEnabled: z.array(z.enum(["REFERRAL_ENDPOINT", "DVS_ENDPOINT", "TIMELINE_ENDPOINT", "POINTSENGINE_ENDPOINT"])).optional(),
    associationDetails: associationDetailsSchema.optional(),
  })
  .meta({ id: "CustomerBody" });
export type CustomerBody = z.output<typeof customerBodySchema>;

const flag = z
  .enum(["true", "false"])
  .optional()
  .transform((v) => v === "true");

export const createCustomerQuerySchema = z.object({
  rawSideEffects: flag,
  mlp_single_enroll: flag.meta({ description: "true enrols the customer in every active program at once." }),
});

export const customerIdPathSchema = z.object({
  id: z
    .string()
    .max(20)
    .meta({ description: "The customer's numeric id.", example: "564662499" })
    .transform((raw, ctx) => {
      if (/^\d{1,10}$/.test(raw) && Number(raw) > 0 && Number(raw) <= 2147483647) return Number(raw);
      ctx.addIssue({ code: "custom", message: `Customer id is invalid: ${raw}`, ...code(8009) });
      return z.NEVER;
    }),
});

const sourceQuery = {
  source: sourceSchema.optional(),
  accountId: accountIdSchema.optional(),
};

export const updateByIdQuerySchema = z.object({
  ...sourceQuery,
  use_async: flag,
  mlp_single_enroll: flag,
});

const identifierValueSchema = z.string().trim().min(1, "Pass identifierValue.").max(150).meta({ example: "9781027293" });

export const updateByLookupQuerySchema = z.object({
  source: sourceSchema.default("INSTORE"),
  accountId: accountIdSchema.optional(),
  identifierName: identifierNameSchema(UPDATE_LOOKUP_NAMES),
  identifierValue: identifierValueSchema,
  mlp_single_enroll: flag,
});

export const lookupQuerySchema = z.object({
  source: sourceOrAllSchema.default("INSTORE"),
  accountId: accountIdSchema.optional(),
  identifierName: identifierNameSchema(LOOKUP_NAMES),
  identifierValue: identifierValueSchema,
});

export const EMBEDS = ["points", "subscriptions", "mlp", "promotionalPoints", "expirySchedules", "expiredPoints"] as const;
export type Embed = (typeof EMBEDS)[number];

export const getCustomerQuerySchema = z.object({
  source: sourceOrAllSchema.optional(),
  accountId: accountIdSchema.optional(),
  embed: z
    .string()
    .max(200)
    .optional()
    .meta({ description: `Comma-separated: ${EMBEDS.join(", ")}.`, example: "mlp" })
    .transform((raw, ctx) => {
      const asked = (raw ?? "").split(",").map((e) => e.trim()).filter(Boolean);
      const unknown = asked.filter((e) => !(EMBEDS as readonly string[]).includes(e));
      if (unknown.length > 0) ctx.addIssue({ code: "custom", message: `unknown embed ${unknown.join(", ")} (use ${EMBEDS.join(", ")})` });
      return [...new Set(asked)] as Embed[];
    }),
});

export const searchQuerySchema = z.object({
  q: z.string().trim().min(1, "Pass q, the text to search for.").max(100).meta({ example: "97810" }),
  limit: z.coerce.number().int().min(1).max(100).default(10),
  offset: z.coerce.number().int().min(0).default(0),
});

const identifierRef = z.object({ type: identifierNameSchema(IDENTIFIER_NAMES), value: z.string().trim().min(1).max(150) });

export const changeIdentifierBodySchema = z
  .object({
    add: z.array(identifierSchema).max(20).default([]),
    remove: z
      .array(identifierRef.transform((r) => ({ ...r, value: normaliseIdentifier(r.type, r.value) })))
      .max(20)
      .default([]),
  })
  .refine((b) => b.add.length + b.remove.length > 0, { message: "Pass identifiers to add or remove." })
  .meta({ id: "ChangeIdentifierBody" });
export type ChangeIdentifierBody = z.output<typeof changeIdentifierBodySchema>;

export const changeIdentifierQuerySchema = z.object(sourceQuery);
