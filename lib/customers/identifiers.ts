// Client-safe: identifier and source names as the API spells them, and the format rules the API
// and the console search share (SPEC-vendor-api §A.3, §B.1).
import type { CustomerSource, IdentifierType } from "@/lib/generated/prisma/enums";

/** The API's identifier type names (`profiles[].identifiers[].type`) and our stored type. */
export const IDENTIFIER_TYPES = {
  mobile: "MOBILE",
  email: "EMAIL",
  externalId: "EXTERNAL_ID",
  cardnumber: "CARD_NUMBER",
  cardExternalId: "CARD_EXTERNAL_ID",
  wechat: "WECHAT",
  martjackId: "MARTJACK_ID",
  fbId: "FB_ID",
  tmall_uname: "TMALL_UNAME",
  cuid: "CUID",
  unionId: "UNION_ID",
  ali_uname: "ALI_UNAME",
  jd_uname: "JD_UNAME",
  vip_uname: "VIP_UNAME",
  line: "LINE",
  mobilePush: "MOBILE_PUSH",
} as const satisfies Record<string, IdentifierType>;

export type IdentifierName = keyof typeof IDENTIFIER_TYPES;
export const IDENTIFIER_NAMES = Object.keys(IDENTIFIER_TYPES) as [IdentifierName, ...IdentifierName[]];

/** The vendor's table calls the card type `card`; its samples say `cardnumber`. Both are read. */
const ALIASES: Record<string, IdentifierName> = { card: "cardnumber", cardNumber: "cardnumber" };

export function identifierNameOf(raw: string): IdentifierName | null {
  if (raw in IDENTIFIER_TYPES) return raw as IdentifierName;
  return ALIASES[raw] ?? null;
}

const NAME_OF = Object.fromEntries(Object.entries(IDENTIFIER_TYPES).map(([name, type]) => [type, name])) as Record<IdentifierType, IdentifierName>;

export function apiNameOfType(type: IdentifierType): IdentifierName {
  return NAME_OF[type];
}

/** What `GET|PUT /v2/customers/lookup` accept as identifierName (§A.3). */
export const LOOKUP_NAMES = ["mobile", "email", "externalId", "cardnumber", "cardExternalId", "wechat", "martjackId", "fbId"] as const;
export const UPDATE_LOOKUP_NAMES = ["mobile", "email", "externalId"] as const;

export const SOURCES = [
  "INSTORE", "FACEBOOK", "WEB_ENGAGE", "WECHAT", "MARTJACK", "TMALL", "TAOBAO", "JD", "ECOMMERCE", "WEBSITE", "LINE", "MOBILE_APP",
] as const satisfies readonly CustomerSource[];
export type SourceName = (typeof SOURCES)[number];

/**
 * Sources where one brand runs several accounts (a WeChat official account, a Facebook page, a
 * LINE channel, an app), so an identifier is unique per account and `accountId` is required
 * (8045); the others take no account (8011). [INFERRED: the docs name accountId "for multi-account
 * sources" without listing them.]
 */
export const MULTI_ACCOUNT_SOURCES: readonly SourceName[] = ["WECHAT", "FACEBOOK", "LINE", "MOBILE_APP"];

// Digits only, with an optional leading +; 8 to 15 digits (E.164 allows 15).
const MOBILE = /^\+?\d{8,15}$/;
// Practical email check: one @, no spaces, a dot in the domain.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Letters, digits and . _ - : @ /; at most 100 characters.
const EXTERNAL_ID = /^[A-Za-z0-9._:@/-]{1,100}$/;

/** Stored form: mobiles without the +, emails lower-cased, the rest as sent (trimmed). */
export function normaliseIdentifier(name: IdentifierName, value: string): string {
  const v = value.trim();
  if (name === "mobile") return v.replace(/^\+/, "");
  if (name === "email") return v.toLowerCase();
  return v;
}

/** The vendor's code for a malformed value of this type, or null when it is fine. */
export function identifierProblem(name: IdentifierName, value: string): { code: number; message: string } | null {
  const v = value.trim();
  if (v === "") return { code: 8013, message: `Customer identifier is invalid: ${name} is empty` };
  if (v.length > 150) return { code: 8013, message: `Customer identifier is invalid: ${name} is longer than 150 characters` };
  if (name === "mobile" && !MOBILE.test(v)) return { code: 8056, message: `Invalid mobile number ${v}` };
  if (name === "email" && !EMAIL.test(v)) return { code: 8055, message: `Invalid email id ${v}` };
  if (name === "externalId" && !EXTERNAL_ID.test(v)) return { code: 8064, message: `External id validation failed for ${v}` };
  if (name === "cardnumber" && !/^[A-Za-z0-9-]{4,40}$/.test(v)) return { code: 8013, message: `Customer identifier is invalid: card number ${v}` };
  return null;
}
