import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { apiOperation, idempotencyHeader, warningSchema, type DocumentedError } from "@/lib/api/openapi/operation";
import { CUSTOMER_ERRORS, type CustomerErrorCode } from "./errors";
import { IDENTIFIER_NAMES, SOURCES } from "./identifiers";
import {
  changeIdentifierBodySchema,
  changeIdentifierQuerySchema,
  createCustomerQuerySchema,
  customerBodySchema,
  customerIdPathSchema,
  getCustomerQuerySchema,
  lookupQuerySchema,
  searchQuerySchema,
  updateByIdQuerySchema,
  updateByLookupQuerySchema,
} from "./schema";

const STATUS = { BAD_REQUEST: 400, NOT_FOUND: 404, CONFLICT: 409, INVALID: 422 } as const;

/** The documented errors of a route, from the customer error table (one source for both). */
function errors(...codes: CustomerErrorCode[]): DocumentedError[] {
  return codes.map((code) => {
    const { kind, message } = CUSTOMER_ERRORS[code];
    return { status: STATUS[kind as keyof typeof STATUS], code, message };
  });
}

const writeAnswer = z
  .object({
    createdId: z.number().int().meta({ description: "The customer's id.", example: 564662500 }),
    warnings: z.array(warningSchema),
    sideEffects: z.array(z.unknown()).meta({ description: "Points the write awarded: the CustomerRegistration workflows of the programs it enrolled the customer in and, for an update, the CustomerUpdate workflows of the till's programs (type points, entityType USER or USERGROUP2, awardedPoints, rawAwardedPoints, programId, ownerId, conditionName, expiresOn)." }),
  })
  .meta({ id: "CustomerWriteAnswer" });

const identifierJson = z.object({
  type: z.enum(IDENTIFIER_NAMES),
  value: z.string(),
  seriesId: z.number().int().optional(),
  seriesCode: z.string().optional(),
  statusLabel: z.string().nullable().optional(),
});

const programDetails = z.object({
  programId: z.number().int(),
  programName: z.string(),
  programDescription: z.string(),
  isDefault: z.boolean(),
  enrolledOn: z.string().meta({ format: "date-time" }),
  enrolledVia: z.enum(["REGISTRATION", "CARD", "SINGLE_ENROLL", "TRANSACTION", "REQUEST"]),
  loyaltyPoints: z.number(),
  lifetimePoints: z.number(),
  lifetimePurchases: z.number(),
  visits: z.number().int(),
  currentSlab: z.string().nullable(),
  slabSNo: z.number().int().nullable(),
  nextSlab: z.string().nullable(),
  nextSlabSerialNumber: z.number().int().meta({ description: "-1 at the top tier." }),
  slabExpiryDate: z.string().nullable(),
});

const customerDetails = z
  .object({
    id: z.number().int(),
    profiles: z.array(
      z.object({
        firstName: z.string(),
        lastName: z.string(),
        fields: z.record(z.string(), z.unknown()),
        identifiers: z.array(identifierJson),
        commChannels: z.array(z.unknown()),
        source: z.enum(SOURCES),
        accountId: z.string(),
        userId: z.number().int(),
        identifiersAll: z.array(identifierJson),
      }),
    ),
    loyaltyInfo: z.object({ loyaltyType: z.enum(["loyalty", "non_loyalty"]), lifetimePurchases: z.number() }),
    segments: z.record(z.string(), z.unknown()),
    extendedFields: z.record(z.string(), z.unknown()),
    cardDetails: z.array(
      z.object({ cardNumber: z.string(), seriesId: z.number().int().nullable(), seriesCode: z.string().nullable(), seriesName: z.string().nullable(), statusLabel: z.string().nullable(), source: z.enum(SOURCES) }),
    ),
    createdDate: z.string().meta({ format: "date-time" }),
    registeredTill: z.string().nullable(),
    loyaltyProgramDetails: z.array(programDetails).optional().meta({ description: "With embed=mlp: one entry per program the customer is enrolled in, default first." }),
    groupLoyaltyProgramDetails: z.array(z.unknown()).optional().meta({ description: "With embed=mlp: cross-program pools (none in the clone)." }),
    pointsSummary: z.record(z.string(), z.unknown()).nullable().optional().meta({ description: "With embed=points: the default program's points and tier." }),
    warnings: z.array(warningSchema),
  })
  .meta({ id: "CustomerDetails" });

const searchAnswer = z.object({
  pagination: z.object({ limit: z.number().int(), offset: z.number().int(), total: z.number().int() }),
  data: z.array(
    z.object({
      userId: z.number().int(),
      matchedIdentifiers: z.array(z.object({ idType: z.enum(IDENTIFIER_NAMES), idValue: z.string(), source: z.enum(SOURCES), accountId: z.string() })),
      profiles: z.array(z.object({ source: z.enum(SOURCES), firstName: z.string(), lastName: z.string() })),
    }),
  ),
  warnings: z.array(warningSchema),
});

const bodyErrors = errors(1007, 1017, 1045, 1023, 1213, 8007, 8010, 8011, 8013, 8045, 8053, 8055, 8056, 8057, 8058, 8064, 91020);
const updateErrors = errors(1017, 1023, 1046, 1213, 8009, 8010, 8011, 8045, 8055, 8056, 8057, 8058, 8069);

export const customersPaths: ZodOpenApiPathsObject = {
  "/v2/customers": {
    post: {
      ...apiOperation({
        tag: "Customers",
        summary: "Register a customer",
        description:
          "Registers a customer (loyaltyInfo defaults to loyalty, a profile's source to INSTORE). Identifiers are unique per org and source; an identifier held by a customer of another source adds this source to that customer (warning 8050). Enrols in the default program and the registering till's (or card series') program; mlp_single_enroll=true enrols in every active program. associationDetails associates the customer with a fleet hierarchy in the same transaction. The LIVE workflows of the programs the customer was enrolled in run their CustomerRegistration activity in the same transaction too (points in sideEffects). Idempotency-Key replays.",
        scope: "customers:write",
        query: createCustomerQuerySchema,
        body: customerBodySchema,
        response: writeAnswer,
        errors: bodyErrors,
      }),
      requestParams: { query: createCustomerQuerySchema, header: idempotencyHeader },
    },
  },
  "/v2/customers/{id}": {
    get: apiOperation({
      tag: "Customers",
      summary: "Get a customer",
      description: "The customer with one profile per source, cards and extended fields; embed=mlp adds the per-program enrolments and KPIs, embed=points the default program's summary.",
      scope: "customers:read",
      params: customerIdPathSchema,
      query: getCustomerQuerySchema,
      response: customerDetails,
      errors: errors(8009, 8011, 8012, 8015, 8045, 8065, 8069),
    }),
    put: {
      ...apiOperation({
        tag: "Customers",
        summary: "Update a customer",
        description:
          "Updates names, custom fields, channels and extended fields. Identifiers and sources do not change here (warning 91006; use changeIdentifier); loyalty → non_loyalty is refused (1046); enrolments never change once made. The LIVE workflows of every program of the API client's till (the default program and the till's) run their CustomerUpdate activity in the same transaction (points in sideEffects; an update does not enrol); programs the write newly enrolled the customer in run CustomerRegistration. Idempotency-Key replays.",
        scope: "customers:write",
        params: customerIdPathSchema,
        query: updateByIdQuerySchema,
        body: customerBodySchema,
        response: writeAnswer,
        errors: updateErrors,
      }),
      requestParams: { path: customerIdPathSchema, query: updateByIdQuerySchema, header: idempotencyHeader },
    },
  },
  "/v2/customers/lookup": {
    get: apiOperation({
      tag: "Customers",
      summary: "Look up a customer's id by identifier",
      description: "`{entity: <customer id>, warnings}`. 8065 when the identifier exists only in another source; source=ALL looks in every source.",
      scope: "customers:read",
      query: lookupQuerySchema,
      response: z.object({ entity: z.number().int(), warnings: z.array(warningSchema) }),
      errors: errors(8011, 8012, 8013, 8015, 8045, 8065, 8069),
    }),
    put: {
      ...apiOperation({
        tag: "Customers",
        summary: "Update the customer an identifier names",
        description: "As PUT /v2/customers/{id}, with the customer found by identifierName (mobile, email, externalId) and identifierValue in source.",
        scope: "customers:write",
        query: updateByLookupQuerySchema,
        body: customerBodySchema,
        response: writeAnswer,
        errors: [...updateErrors, ...errors(8012, 8013, 8015, 8065)],
      }),
      requestParams: { query: updateByLookupQuerySchema, header: idempotencyHeader },
    },
  },
  "/v2/customers/search": {
    get: apiOperation({
      tag: "Customers",
      summary: "Search customers",
      description: "Prefix match (case-insensitive) on names and on any identifier in every source, or the exact customer id; ordered by id.",
      scope: "customers:read",
      query: searchQuerySchema,
      response: searchAnswer,
    }),
  },
  "/v2/customers/{id}/changeIdentifier": {
    post: apiOperation({
      tag: "Customers",
      summary: "Add and remove a customer's identifiers",
      description:
        "In one source (query source, default INSTORE). An identifier another customer holds in the same source is 8008; in another source it would merge accounts at the vendor: the clone does not merge and answers 8053. An added card enrols a loyalty customer in its series' program.",
      scope: "customers:write",
      params: customerIdPathSchema,
      query: changeIdentifierQuerySchema,
      body: changeIdentifierBodySchema,
      response: z.object({ createdId: z.number().int(), warnings: z.array(warningSchema) }),
      errors: errors(1007, 8007, 8008, 8009, 8011, 8012, 8013, 8045, 8053, 8055, 8056, 8064, 8069),
    }),
  },
};
