import fc from "fast-check";
import type { BinaryOperator, Expr, PathExpr } from "./ast";
import { buildSchema } from "./schema";

// fast-check generators shared by the property tests: well-typed condition trees over a test
// schema, and messy events (wrong types, text numbers, missing profiles) to evaluate them on.

export const TEST_SCHEMA = buildSchema({
  extendedFields: [
    { name: "member_card_swiped", scope: "TRANSACTION", type: "enum", allowedValues: ["Yes", "No"] },
    { name: "store_type", scope: "TRANSACTION", type: "string" },
    { name: "basket_items", scope: "TRANSACTION", type: "number" },
    { name: "vip", scope: "CUSTOMER", type: "boolean" },
    { name: "tier_code", scope: "USERGROUP", type: "enum", allowedValues: ["GOLD", "SILVER"] },
  ],
});

const R = { start: 0, end: 0 };

const id = (name: string): PathExpr => ({ kind: "Identifier", name, range: R });
const member = (profile: string, property: string): PathExpr => ({ kind: "Member", object: id(profile), property, propertyRange: R, range: R });
const call = (object: PathExpr, method: string, args: Expr[]): Expr => ({ kind: "Call", object, method, methodRange: R, args, range: R });
const bin = (operator: BinaryOperator, left: Expr, right: Expr): Expr => ({ kind: "Binary", operator, left, right, operatorRange: R, range: R });

const NUMBER_FIELDS: [string, string][] = [
  ["currentTxn", "value"],
  ["currentTxn", "discount"],
  ["currentTxn", "extField_basket_items"],
  ["currentCustomer", "slabNumber"],
  ["currentTrackerCondition", "trackerCurrAggr"],
];
const STRING_FIELDS: [string, string][] = [
  ["currentTxn", "extField_member_card_swiped"],
  ["currentTxn", "extField_store_type"],
  ["currentCustomer", "slabName"],
  ["currentUserGroup", "name"],
  ["currentUserGroup", "extField_tier_code"],
];
const BOOLEAN_FIELDS: [string, string][] = [
  ["currentCustomer", "isGroupMember"],
  ["currentEvent", "isGroupProgramRedemption"],
  ["currentCustomer", "extField_vip"],
];

export const numberRaw = fc
  .tuple(fc.integer({ min: 0, max: 100000 }), fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined }))
  .map(([whole, frac]) => (frac === undefined ? String(whole) : `${whole}.${frac}`));

const stringValue = fc.oneof(fc.constantFrom("Yes", "No", "Corp", "GOLD", ""), fc.string({ maxLength: 6 }));

const pick = (fields: [string, string][]) => fc.constantFrom(...fields).map(([p, a]) => member(p, a));

const leafNumber: fc.Arbitrary<Expr> = fc.oneof(
  numberRaw.map((raw): Expr => ({ kind: "Number", raw, range: R })),
  pick(NUMBER_FIELDS),
  fc.constantFrom("miles", "fuel").map((c) => call(id("currentTxn"), "currencyAwarded", [{ kind: "String", value: c, range: R }])),
  fc.constantFrom("month", "dayOfMonth", "day").map((m) => call(member("currentCustomer", "joinDate"), m, [])),
);
const leafString: fc.Arbitrary<Expr> = fc.oneof(stringValue.map((value): Expr => ({ kind: "String", value, range: R })), pick(STRING_FIELDS));

const { expr: boolExpr } = fc.letrec<{ expr: Expr; num: Expr; str: Expr }>((tie) => ({
  num: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leafNumber,
    fc.tuple(fc.constantFrom<BinaryOperator>("+", "-", "*", "/", "%"), tie("num"), tie("num")).map(([op, l, r]) => bin(op, l, r)),
    tie("num").map((operand): Expr => ({ kind: "Unary", operator: "-", operand, range: R })),
  ),
  str: leafString,
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom<Expr>({ kind: "Boolean", value: true, spelling: "true", range: R }, { kind: "Boolean", value: false, spelling: "No", range: R }),
    pick(BOOLEAN_FIELDS),
    pick(BOOLEAN_FIELDS).chain((f) => fc.constantFrom<"true" | "false" | "Yes" | "No">("true", "false", "Yes", "No").map((s) => bin("==", f, { kind: "Boolean", value: s === "true" || s === "Yes", spelling: s, range: R }))),
    fc.tuple(fc.constantFrom<BinaryOperator>("==", "!=", "<", ">", "<=", ">="), tie("num"), tie("num")).map(([op, l, r]) => bin(op, l, r)),
    fc.tuple(fc.constantFrom<BinaryOperator>("==", "!="), tie("str"), tie("str")).map(([op, l, r]) => bin(op, l, r)),
    fc.tuple(pick([...STRING_FIELDS, ...NUMBER_FIELDS, ...BOOLEAN_FIELDS]), fc.constantFrom("isNull", "isNotNull", "exists", "notExists", "isEmpty")).map(([f, m]) => call(f, m, [])),
    fc.tuple(pick(STRING_FIELDS), stringValue).map(([f, v]) => call(f, "contains", [{ kind: "String", value: v, range: R }])),
    fc.tuple(pick(STRING_FIELDS), fc.constantFrom("[A-Z]+", "Co.*", "\\d{2,4}", "(ab|cd)x")).map(([f, v]) => call(f, "matches", [{ kind: "String", value: v, range: R }])),
    fc.constantFrom("isWeekday", "isWeekend", "isValid").map((m) => call(member("currentCustomer", "joinDate"), m, [])),
    fc.tuple(fc.constantFrom("clusterValueIncludes", "customFieldValueExcludes"), stringValue, stringValue).map(([m, a, b]) =>
      call(id("currentCustomer"), m, [{ kind: "String", value: a, range: R }, { kind: "String", value: b, range: R }]),
    ),
    tie("expr").map((operand): Expr => ({ kind: "Unary", operator: "!", operand, range: R })),
    fc.tuple(fc.constantFrom<BinaryOperator>("&&", "||"), tie("expr"), tie("expr")).map(([op, l, r]) => bin(op, l, r)),
  ),
}));

/** Well-typed boolean conditions over TEST_SCHEMA. */
export const conditionArb: fc.Arbitrary<Expr> = boolExpr;

const fieldValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.double({ noNaN: false }),
  fc.integer({ min: -1000, max: 1000 }),
  numberRaw,
  stringValue,
  fc.boolean(),
  fc.constantFrom("true", "No", "1e400", "2024-02-29T10:30:00Z", " 12.5 "),
  fc.date({ noInvalidDate: false }),
  fc.constant({ nested: 1 }),
  fc.constant([1, 2]),
);

const profileArb = (fields: readonly string[]) =>
  fc.oneof(
    fc.record(Object.fromEntries(fields.map((f) => [f, fieldValue])) as Record<string, typeof fieldValue>),
    fc.constantFrom(undefined, null, "not an object", 7),
  );

/** Events with every kind of wrong or missing value a real payload might carry. */
export const contextArb = fc.record({
  currentTxn: fc.tuple(profileArb(["value", "discount", "extField_basket_items", "extField_member_card_swiped", "extField_store_type"]), fc.record({ miles: fieldValue })).map(([p, currency]) =>
    typeof p === "object" && p !== null ? { ...p, currencyAwarded: currency } : p,
  ),
  currentCustomer: fc.tuple(profileArb(["slabNumber", "slabName", "isGroupMember", "extField_vip", "joinDate"]), fc.record({ region: fc.oneof(stringValue, fc.array(stringValue, { maxLength: 3 })) })).map(([p, clusters]) =>
    typeof p === "object" && p !== null ? { ...p, clusters } : p,
  ),
  currentUserGroup: profileArb(["name", "extField_tier_code"]),
  currentEvent: profileArb(["isGroupProgramRedemption"]),
  currentTrackerCondition: profileArb(["trackerCurrAggr"]),
});

/** Drops source positions so trees can be compared structurally. */
export function withoutRanges(node: Expr): unknown {
  return JSON.parse(JSON.stringify(node, (key, value: unknown) => (key === "range" || key.endsWith("Range") ? undefined : value)));
}
