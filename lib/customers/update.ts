import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enrollCustomer, registrationPrograms, type EnrolmentRequest } from "./enrolment";
import { customerError, warning, type CustomerWarning } from "./errors";
import { checkCustomerExtendedFields } from "./extended-field-values";
import { accountOf } from "./identifier-rows";
import { IDENTIFIER_TYPES } from "./identifiers";
import { openingPointsWarnings, withoutNulls, type CustomerWriteResult } from "./register";
import type { CustomerBody } from "./schema";

type Tx = Prisma.TransactionClient;

export type UpdateInput = {
  orgId: number;
  actor: Actor;
  customerId: number;
  body: CustomerBody;
  tillId: number | null;
  singleEnroll: boolean;
};

/**
 * Updates a customer (PUT /v2/customers/{id} and /lookup, SPEC-vendor-api §B.2) inside the
 * caller's transaction. Names, custom fields, channels and extended fields change; identifiers
 * and sources do not (an identifier the customer does not have is ignored with warning 91006: use
 * changeIdentifier); loyalty → non_loyalty is refused (1046), non_loyalty → loyalty enrols;
 * existing enrolments never change (a repeated one gets warning 91006), new ones are added.
 * `associationDetails` is applied by the caller (lib/groups).
 */
export async function updateCustomer(tx: Tx, input: UpdateInput): Promise<CustomerWriteResult> {
  const { orgId, customerId, body } = input;
  const customer = await tx.customer.findFirst({
    where: { id: customerId, orgId },
    select: {
      id: true, loyaltyType: true, mergedIntoId: true, extendedFields: true, profileFields: true, registeredTill: true,
      identifiers: { select: { type: true, value: true, source: true, accountId: true } },
      enrollments: { select: { programId: true } },
    },
  });
  if (!customer) throw customerError(8009, `no customer ${customerId} in this org`);
  if (customer.mergedIntoId !== null) throw customerError(8069, `customer ${customerId} was merged into ${customer.mergedIntoId}`);
  const warnings: CustomerWarning[] = [];

  const wantsLoyalty = body.loyaltyInfo.loyaltyType === "loyalty";
  if (customer.loyaltyType === "LOYALTY" && !wantsLoyalty) throw customerError(1046, undefined, "loyaltyInfo.loyaltyType");

  for (const profile of body.profiles) {
    const account = accountOf(profile.source, profile.accountId);
    for (const id of profile.identifiers) {
      const has = customer.identifiers.some((h) => h.type === IDENTIFIER_TYPES[id.type] && h.value === id.value && h.source === profile.source && h.accountId === account);
      if (!has) warnings.push(warning(91006, `${id.type} ${id.value} update is not allowed. Use changeIdentifier to add identifiers.`));
    }
  }

  const first = body.profiles.find((p) => p.firstName !== undefined)?.firstName;
  const last = body.profiles.find((p) => p.lastName !== undefined)?.lastName;
  const fields = body.profiles.reduce<Record<string, unknown>>((acc, p) => ({ ...acc, ...(p.fields ?? {}) }), {});
  const channels = body.profiles.flatMap((p) => p.commChannels ?? []);
  const extended = await checkCustomerExtendedFields(tx, orgId, body.extendedFields ?? {});
  await tx.customer.update({
    where: { id: customer.id, orgId },
    data: {
      ...(first !== undefined ? { firstName: first } : {}),
      ...(last !== undefined ? { lastName: last } : {}),
      ...(wantsLoyalty ? { loyaltyType: "LOYALTY" as const } : {}),
      ...(Object.keys(fields).length > 0 ? { profileFields: { ...asObject(customer.profileFields), ...fields } as Prisma.InputJsonObject } : {}),
      ...(channels.length > 0 ? { commChannels: channels as Prisma.InputJsonArray } : {}),
      ...(Object.keys(extended).length > 0
        ? { extendedFields: withoutNulls({ ...(asObject(customer.extendedFields) as Record<string, string | number | boolean | null>), ...extended }) }
        : {}),
    },
  });

  const enrolledAlready = new Set(customer.enrollments.map((e) => e.programId));
  const programs: EnrolmentRequest[] = [];
  for (const e of body.loyaltyProgramEnrollments ?? []) {
    if (enrolledAlready.has(e.programId)) warnings.push(warning(91006, `Enrolment in program ${e.programId} update is not allowed: enrolments cannot change once made`));
    else programs.push({ programId: e.programId, via: "REQUEST", tierNumber: e.tierNumber });
  }
  if (wantsLoyalty && (customer.loyaltyType === "NON_LOYALTY" || input.singleEnroll)) {
    // Becoming a loyalty customer enrols as a registration would; mlp_single_enroll adds the rest.
    programs.push(...(await registrationPrograms(tx, { orgId, tillId: customer.registeredTill ?? input.tillId, cardSeriesIds: [], singleEnroll: input.singleEnroll })));
  }
  const enrolled = wantsLoyalty ? await enrollCustomer(tx, { orgId, customerId, programs }) : [];
  warnings.push(...openingPointsWarnings(body));
  return { customerId, created: false, warnings, enrolledProgramIds: enrolled };
}

function asObject(value: Prisma.JsonValue): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
