import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { Prisma } from "@/lib/generated/prisma/client";
import { cardPrograms, enrollCustomer, registrationPrograms, type EnrolmentRequest } from "./enrolment";
import { customerError, warning, type CustomerWarning } from "./errors";
import { checkCustomerExtendedFields } from "./extended-field-values";
import { accountOf, holdersOf, sameIdentifier, sameSlot, toIdentifierRows, type IdentifierRow } from "./identifier-rows";
import { apiNameOfType } from "./identifiers";
import type { CustomerBody } from "./schema";

type Tx = Prisma.TransactionClient;

export type CustomerWriteResult = {
  customerId: number;
  /** False when the identifiers belonged to a customer of another source, who gained this source. */
  created: boolean;
  warnings: CustomerWarning[];
  enrolledProgramIds: number[];
};

export type RegisterInput = {
  orgId: number;
  actor: Actor;
  body: CustomerBody;
  /** The caller's till (an API client's bound till); `associatedWith` overrides it. */
  tillId: number | null;
  singleEnroll: boolean;
};

/**
 * Registers a customer (POST /v2/customers, SPEC-vendor-api §B.1) inside the caller's
 * transaction, so lib/groups can associate the customer with a fleet in the same one. Rules:
 * - at least one identifier (1007); malformed ones were refused by the schema (8013, 8055, 8056, 8064);
 * - identifiers are unique per org and source (and account): one taken in the same source is 8007;
 * - identifiers held by a customer of another source attach this source to that customer instead
 *   (warning 8050), unless they belong to two different customers (8053); register never updates
 *   an existing customer's profile;
 * - a card number must be in a declared, active card series (8013);
 * - customer extended fields are checked against their declarations (1017);
 * - a loyalty customer is enrolled in the default program and the till's (or card series')
 *   program, or in all with `mlp_single_enroll`; a non_loyalty customer in none.
 * `associationDetails` is not applied here: the caller does (lib/groups).
 */
export async function registerCustomer(tx: Tx, input: RegisterInput): Promise<CustomerWriteResult> {
  const { orgId, body } = input;
  const warnings: CustomerWarning[] = [];
  const rows: IdentifierRow[] = [];
  for (const profile of body.profiles) {
    const account = accountOf(profile.source, profile.accountId);
    for (const row of await toIdentifierRows(tx, orgId, profile.source, account, profile.identifiers)) {
      if (!rows.some((r) => sameIdentifier(r, row) && sameSlot(r, row))) rows.push(row);
    }
  }
  if (rows.length === 0) throw customerError(1007, undefined, "profiles.identifiers");
  if (body.loyaltyInfo.loyaltyType === "non_loyalty" && !rows.some((r) => r.type === "MOBILE" || r.type === "EMAIL")) {
    throw customerError(1045, undefined, "profiles.identifiers");
  }

  const held = await holdersOf(tx, orgId, rows);
  const taken = rows.find((r) => held.some((h) => sameIdentifier(h, r) && sameSlot(h, r)));
  if (taken) throw customerError(8007, `${apiNameOfType(taken.type)} ${taken.value} in ${taken.source}`, "profiles.identifiers");
  const owners = [...new Set(held.map((h) => h.customerId))];
  if (owners.length > 1) throw customerError(8053, `identifiers belong to customers ${owners.join(" and ")}`, "profiles.identifiers");

  const tillId = await registeringTill(tx, orgId, body.associatedWith, input.tillId);
  const existing = owners[0];
  if (existing !== undefined) {
    await insertIdentifiers(tx, orgId, existing, rows);
    warnings.push(warning(8050, `Same Customer found in other sources,Combining into ${existing}`));
    const enrolled = await enrollCustomer(tx, { orgId, customerId: existing, programs: await cardProgramsFor(tx, orgId, rows) });
    return { customerId: existing, created: false, warnings, enrolledProgramIds: enrolled };
  }

  const extendedFields = await checkCustomerExtendedFields(tx, orgId, body.extendedFields ?? {});
  const first = body.profiles[0];
  const at = body.createDate ? new Date(body.createDate) : new Date();
  const customer = await tx.customer.create({
    data: {
      orgId,
      firstName: body.profiles.find((p) => p.firstName)?.firstName ?? "",
      lastName: body.profiles.find((p) => p.lastName)?.lastName ?? "",
      loyaltyType: body.loyaltyInfo.loyaltyType === "loyalty" ? "LOYALTY" : "NON_LOYALTY",
      registeredVia: first?.source ?? "INSTORE",
      registeredTill: tillId,
      joinedAt: at,
      createdAt: at,
      extendedFields: withoutNulls(extendedFields),
      profileFields: Object.assign({}, ...body.profiles.map((p) => p.fields ?? {})) as Prisma.InputJsonObject,
      commChannels: body.profiles.flatMap((p) => p.commChannels ?? []) as Prisma.InputJsonArray,
    },
    select: { id: true },
  });
  await insertIdentifiers(tx, orgId, customer.id, rows);

  let enrolled: number[] = [];
  if (body.loyaltyInfo.loyaltyType === "loyalty") {
    const programs: EnrolmentRequest[] = [
      ...(await registrationPrograms(tx, {
        orgId,
        tillId,
        cardSeriesIds: rows.flatMap((r) => (r.cardSeriesId === null ? [] : [r.cardSeriesId])),
        singleEnroll: input.singleEnroll,
      })),
      ...(body.loyaltyProgramEnrollments ?? []).map((e) => ({ programId: e.programId, via: "REQUEST" as const, tierNumber: e.tierNumber })),
    ];
    enrolled = await enrollCustomer(tx, { orgId, customerId: customer.id, programs: preferRequested(programs) });
  }
  warnings.push(...openingPointsWarnings(body));
  return { customerId: customer.id, created: true, warnings, enrolledProgramIds: enrolled };
}

/** Stores identifiers; a concurrent registration of the same one loses with 8007, never a 500. */
export async function insertIdentifiers(tx: Tx, orgId: number, customerId: number, rows: readonly IdentifierRow[]): Promise<void> {
  try {
    await tx.customerIdentifier.createMany({
      data: rows.map((r) => ({ orgId, customerId, type: r.type, value: r.value, source: r.source, accountId: r.accountId, cardSeriesId: r.cardSeriesId, status: r.status })),
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw customerError(8007, "registered at the same moment by another request", "profiles.identifiers");
    }
    throw error;
  }
}

export async function cardProgramsFor(tx: Tx, orgId: number, rows: readonly IdentifierRow[]): Promise<EnrolmentRequest[]> {
  return cardPrograms(tx, { orgId, cardSeriesIds: rows.flatMap((r) => (r.cardSeriesId === null ? [] : [r.cardSeriesId])) });
}

/** `associatedWith` names the registering till (91020 when it is not an active till of the org). */
async function registeringTill(tx: Tx, orgId: number, code: string | undefined, callerTill: number | null): Promise<number | null> {
  if (!code) return callerTill;
  const till = await tx.till.findFirst({ where: { orgId, code, active: true }, select: { id: true } });
  if (!till) throw customerError(91020, `till ${code} is not an active till of this org`, "associatedWith");
  return till.id;
}

/** A program named in loyaltyProgramEnrollments keeps its requested tier even when registration also enrols there. */
function preferRequested(programs: EnrolmentRequest[]): EnrolmentRequest[] {
  const requested = programs.filter((p) => p.via === "REQUEST");
  return [...requested, ...programs.filter((p) => p.via !== "REQUEST" && !requested.some((r) => r.programId === p.programId))];
}

export function openingPointsWarnings(body: CustomerBody): CustomerWarning[] {
  return (body.loyaltyProgramEnrollments ?? [])
    .filter((e) => e.loyaltyPoints !== undefined && e.loyaltyPoints !== 0)
    .map((e) => warning(1010, `Unable to update loyalty points of the customer: opening points for program ${e.programId} are not imported; post them as an adjustment`));
}

export function withoutNulls(values: Record<string, string | number | boolean | null>): Prisma.InputJsonObject {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null)) as Prisma.InputJsonObject;
}
