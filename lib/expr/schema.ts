import { CUSTOMER_FUNCTIONS, TXN_FUNCTIONS, type ProfileFunctionDef } from "./profile-functions";
import type { ValueType } from "./types";

// The profiles and attributes a condition may use (SPEC §5.3 "Profiles and attributes"), plus the
// org's declared extended fields. Extended fields of every scope are reached the same way the
// documentation shows for transactions: currentTxn.extField_<name>,
// currentCustomer.extField_<name>, currentUserGroup.extField_<name>.

export interface AttributeDef {
  readonly name: string;
  readonly type: ValueType;
  /** For enum extended fields: the only values the field can hold. */
  readonly allowedValues?: readonly string[];
  readonly extended: boolean;
}

export interface ProfileDef {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, AttributeDef>;
  readonly functions: ReadonlyMap<string, ProfileFunctionDef>;
}

export interface Schema {
  readonly profiles: ReadonlyMap<string, ProfileDef>;
}

export type ExtendedFieldScope = "TRANSACTION" | "CUSTOMER" | "USERGROUP";
export type ExtendedFieldType = "string" | "number" | "boolean" | "date" | "enum";

export interface ExtendedFieldDecl {
  readonly name: string;
  readonly scope: ExtendedFieldScope;
  readonly type: ExtendedFieldType;
  readonly allowedValues?: readonly string[];
}

export const EXTENDED_FIELD_PREFIX = "extField_";

const SCOPE_PROFILE: Readonly<Record<ExtendedFieldScope, string>> = {
  TRANSACTION: "currentTxn",
  CUSTOMER: "currentCustomer",
  USERGROUP: "currentUserGroup",
};

/** How a condition names a declared field: `currentTxn.extField_member_card_swiped`. */
export function extendedFieldPath(scope: ExtendedFieldScope, name: string): string {
  return `${SCOPE_PROFILE[scope]}.${EXTENDED_FIELD_PREFIX}${name}`;
}

type Attrs = Readonly<Record<string, ValueType>>;

/** [DOC] attributes; the [INFERRED] ones are marked in SPEC §5.3. */
const BUILT_IN: Readonly<Record<string, { attributes: Attrs; functions: readonly ProfileFunctionDef[] }>> = {
  currentCustomer: {
    attributes: {
      name: "string",
      firstname: "string",
      lastname: "string",
      email: "string",
      externalId: "string",
      avgBasketSize: "number",
      avgSpendPerVisit: "number",
      currentPoints: "number",
      lifetimePoints: "number",
      lifetimePurchases: "number",
      initialCurrentPoints: "number",
      initialLifetimePoints: "number",
      initialSlabName: "string",
      initialSlabNumber: "number",
      slabName: "string",
      slabNumber: "number",
      joinDate: "date",
      isGroupMember: "boolean",
    },
    functions: CUSTOMER_FUNCTIONS,
  },
  currentTxn: {
    attributes: {
      value: "number",
      discount: "number",
      points: "number",
      promisedPoints: "number",
      pointsForUser: "number",
      pointsForUserGroup: "number",
      promisedPointsForUser: "number",
      promisedPointsForUserGroup: "number",
    },
    functions: TXN_FUNCTIONS,
  },
  currentEvent: { attributes: { isGroupProgramRedemption: "boolean" }, functions: [] },
  currentUserGroup: {
    attributes: {
      name: "string",
      externalId: "string",
      id: "number",
      size: "number",
      currentPoints: "number",
      lifetimePurchases: "number",
      slabNumber: "number",
    },
    functions: [],
  },
  currentTrackerCondition: { attributes: { trackerCurrAggr: "number" }, functions: [] },
};

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function buildSchema(options: { extendedFields?: readonly ExtendedFieldDecl[] } = {}): Schema {
  const attributes = new Map<string, Map<string, AttributeDef>>();
  const profiles = new Map<string, ProfileDef>();
  for (const [name, def] of Object.entries(BUILT_IN)) {
    const attrs = new Map<string, AttributeDef>();
    for (const [attr, type] of Object.entries(def.attributes)) attrs.set(attr, { name: attr, type, extended: false });
    attributes.set(name, attrs);
    profiles.set(name, { name, attributes: attrs, functions: new Map(def.functions.map((f) => [f.name, f])) });
  }
  for (const field of options.extendedFields ?? []) {
    // The name becomes part of a path the author types; anything else could never be referenced.
    if (!FIELD_NAME.test(field.name)) throw new TypeError(`Extended field name "${field.name}" must be letters, digits and "_".`);
    const attrs = attributes.get(SCOPE_PROFILE[field.scope]);
    if (!attrs) continue;
    const name = EXTENDED_FIELD_PREFIX + field.name;
    const type: ValueType = field.type === "enum" ? "string" : field.type;
    const allowedValues = field.type === "enum" ? [...(field.allowedValues ?? [])] : undefined;
    attrs.set(name, allowedValues ? { name, type, allowedValues, extended: true } : { name, type, extended: true });
  }
  return { profiles };
}

/** The schema with no extended fields: what every org starts from. */
export const BASE_SCHEMA: Schema = buildSchema();
