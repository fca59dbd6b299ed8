import { COERCE, readField, toText, type RuntimeValue } from "./coerce";
import type { ParamSpec } from "./methods";
import type { ValueType } from "./types";

// Functions called on a profile (SPEC §5.3): `currentTxn.currencyAwarded("miles")`,
// `currentCustomer.clusterValueIncludes("cluster","value")`. They read maps the event carries on
// the profile, named like the function: currentTxn.currencyAwarded = { miles: 120 },
// currentCustomer.clusters = { region: ["North"] }, currentCustomer.customFields = { Gender: "F" }.

export interface ProfileFunctionDef {
  readonly name: string;
  readonly params: readonly ParamSpec[];
  readonly returns: ValueType;
  readonly description: string;
  readonly run: (profile: unknown, args: readonly RuntimeValue[]) => RuntimeValue;
}

const ID: readonly ParamSpec[] = [{ name: "currencyId", types: ["string"] }];
const PAIR = (first: string): readonly ParamSpec[] => [
  { name: first, types: ["string"] },
  { name: "value", types: ["string"] },
];

function currency(name: string, description: string): ProfileFunctionDef {
  return {
    name,
    params: ID,
    returns: "number",
    description,
    run: (profile, [id]) => (typeof id === "string" ? COERCE.number(readField(readField(profile, name), id)) : null),
  };
}

function includes(name: string, mapKey: string, first: string, negate: boolean, description: string): ProfileFunctionDef {
  return {
    name,
    params: PAIR(first),
    returns: "boolean",
    description,
    run: (profile, [key, value]) => {
      if (typeof key !== "string" || typeof value !== "string") return false;
      const held = readField(readField(profile, mapKey), key);
      const found = Array.isArray(held) ? held.some((v) => toText(v) === value) : toText(held) === value;
      return negate ? !found : found;
    },
  };
}

export const TXN_FUNCTIONS: readonly ProfileFunctionDef[] = [
  currency("currencyAwarded", "Alternate currency awarded on this transaction, by currency id."),
  currency("currencyAwardedForUser", "Alternate currency awarded to the customer, by currency id."),
  currency("currencyAwardedForUserGroup", "Alternate currency awarded to the user group, by currency id."),
  currency("promisedCurrencyAwarded", "Promised alternate currency, by currency id."),
];

export const CUSTOMER_FUNCTIONS: readonly ProfileFunctionDef[] = [
  includes("clusterValueIncludes", "clusters", "cluster", false, "true when the customer's cluster holds the value."),
  includes("clusterValueExcludes", "clusters", "cluster", true, "true when the customer's cluster does not hold the value."),
  includes("customFieldValueIncludes", "customFields", "field", false, "true when the custom field holds the value."),
  includes("customFieldValueExcludes", "customFields", "field", true, "true when the custom field does not hold the value."),
];
