// Value types of the condition language. `enum` fields are strings with a list of allowed values
// (SPEC §5.3 extended fields); dates are instants, read in UTC so a condition gives the same
// answer in the browser and on the server.

export type ValueType = "string" | "number" | "boolean" | "date";

/** What the checker knows about an expression: a value type, the null literal, a profile, or unknown after an error. */
export type ExprType = ValueType | "null" | "profile" | "error";

export const TYPE_LABEL: Readonly<Record<ExprType, string>> = {
  string: "text",
  number: "a number",
  boolean: "true/false",
  date: "a date",
  null: "null",
  profile: "a profile",
  error: "unknown",
};
