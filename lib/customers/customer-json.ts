import type { CustomerView, EnrolmentView } from "./customer-view";
import { customerError, warning, type CustomerWarning } from "./errors";
import { apiNameOfType, type SourceName } from "./identifiers";
import type { Embed } from "./schema";

/**
 * A customer as GET /v2/customers/{id} answers (SPEC-vendor-api §B.4): one profile per source
 * (and account) the customer's identifiers live in, loyalty info, extended fields, cards; with
 * `embed=mlp` the per-program details, with `embed=points` the default program's summary. A
 * source filter keeps that source's profile (8065 when the customer has none there).
 */
export function customerJson(view: CustomerView, { source, accountId, embed }: { source?: SourceName | "ALL" | undefined; accountId?: string | undefined; embed: readonly Embed[] }) {
  const warnings: CustomerWarning[] = [];
  const identifiersAll = view.identifiers.map(identifierJson);
  const slots = [...new Map(view.identifiers.map((i) => [`${i.source}\0${i.accountId}`, { source: i.source, accountId: i.accountId }])).values()];
  const wanted = slots.filter((s) => !source || source === "ALL" || (s.source === source && (!accountId || s.accountId === accountId)));
  if (wanted.length === 0 && source && source !== "ALL") throw customerError(8065, `customer ${view.id} has no profile in ${source}`);
  const profiles = wanted.map((slot) => ({
    firstName: view.firstName,
    lastName: view.lastName,
    fields: view.profileFields,
    identifiers: view.identifiers.filter((i) => i.source === slot.source && i.accountId === slot.accountId).map(identifierJson),
    commChannels: view.commChannels,
    source: slot.source,
    accountId: slot.accountId,
    userId: view.id,
    identifiersAll,
  }));
  const defaultEnrolment = view.enrolments.find((e) => e.isDefault);
  const body: Record<string, unknown> = {
    id: view.id,
    profiles,
    loyaltyInfo: {
      loyaltyType: view.loyaltyType === "LOYALTY" ? "loyalty" : "non_loyalty",
      lifetimePurchases: defaultEnrolment?.lifetimePurchases ?? 0,
    },
    segments: {},
    extendedFields: view.extendedFields,
    cardDetails: view.identifiers
      .filter((i) => i.type === "CARD_NUMBER")
      .map((i) => ({ cardNumber: i.value, seriesId: i.cardSeries?.id ?? null, seriesCode: i.cardSeries?.code ?? null, seriesName: i.cardSeries?.name ?? null, statusLabel: i.status, source: i.source })),
    createdDate: view.createdAt.toISOString(),
    registeredTill: view.registeredTill?.code ?? null,
  };
  if (embed.includes("mlp")) {
    body.loyaltyProgramDetails = view.enrolments.map(programDetailsJson);
    // The vendor's cross-program MLP pools; the clone has none (not user groups).
    body.groupLoyaltyProgramDetails = [];
  }
  if (embed.includes("points")) body.pointsSummary = defaultEnrolment ? pointsSummaryJson(defaultEnrolment) : null;
  for (const e of embed.filter((e) => e !== "mlp" && e !== "points")) {
    warnings.push(warning(91001, `embed ${e} is not available yet: the points ledger fills it`));
  }
  body.warnings = warnings;
  return body;
}

function identifierJson(i: CustomerView["identifiers"][number]) {
  return {
    type: apiNameOfType(i.type),
    value: i.value,
    ...(i.cardSeries ? { seriesId: i.cardSeries.id, seriesCode: i.cardSeries.code, statusLabel: i.status } : {}),
  };
}

function programDetailsJson(e: EnrolmentView) {
  return {
    programId: e.programId,
    programName: e.programName,
    programDescription: e.programDescription,
    isDefault: e.isDefault,
    enrolledOn: e.enrolledAt.toISOString(),
    enrolledVia: e.enrolledVia,
    loyaltyPoints: e.currentPoints,
    lifetimePoints: e.lifetimePoints,
    lifetimePurchases: e.lifetimePurchases,
    visits: e.visits,
    currentSlab: e.tier?.name ?? null,
    slabSNo: e.tier?.number ?? null,
    nextSlab: e.nextTier?.name ?? null,
    nextSlabSerialNumber: e.nextTier?.number ?? -1,
    slabExpiryDate: e.tierExpiresAt?.toISOString() ?? null,
  };
}

function pointsSummaryJson(e: EnrolmentView) {
  return {
    programId: e.programId,
    loyaltyPoints: e.currentPoints,
    lifetimePoints: e.lifetimePoints,
    cumulativePurchases: e.lifetimePurchases,
    currentSlab: e.tier?.name ?? null,
    slabSNo: e.tier?.number ?? null,
    nextSlab: e.nextTier?.name ?? null,
    slabExpiryDate: e.tierExpiresAt?.toISOString() ?? null,
  };
}
