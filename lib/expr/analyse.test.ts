import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyse, type ConditionInput } from "./analyse";
import { check } from "./checker";
import { compile } from "./compiler";
import type { EvalContext } from "./runtime";
import { TEST_SCHEMA } from "./test-arbitraries";

const evaluate = (expression: string, ctx: EvalContext) => compile(check(expression, TEST_SCHEMA)).evaluate(ctx);
const SWIPED = "currentTxn.extField_member_card_swiped";

describe("analyse", () => {
  it("proves the SPEC card-swiped conditions disjoint and covering", () => {
    const report = analyse(
      [
        { id: "card-swiped-no-or-null", expression: `${SWIPED}=="No" || ${SWIPED}.isNull()` },
        { id: "card-swiped-yes", expression: `${SWIPED}=="Yes"` },
      ],
      TEST_SCHEMA,
    );
    expect(report.pairs).toEqual([{ a: "card-swiped-no-or-null", b: "card-swiped-yes", status: "disjoint" }]);
    expect(report.gap).toEqual({ status: "covered" });
    expect(report.unsupported).toEqual([]);
  });

  it("finds an overlap and a gap with witnesses that really hold", () => {
    const conditions = [
      { id: "big", expression: "currentTxn.value > 100" },
      { id: "member", expression: "currentCustomer.isGroupMember == true && currentTxn.value >= 50" },
      { id: "small", expression: "currentTxn.value < 20" },
    ];
    const report = analyse(conditions, TEST_SCHEMA);
    const overlap = report.pairs.find((p) => p.a === "big" && p.b === "member");
    expect(overlap?.status).toBe("overlap");
    if (overlap?.status !== "overlap") throw new Error("expected an overlap");
    expect(evaluate(conditions[0]!.expression, overlap.witness)).toBe(true);
    expect(evaluate(conditions[1]!.expression, overlap.witness)).toBe(true);
    expect(report.pairs.find((p) => p.a === "big" && p.b === "small")?.status).toBe("disjoint");
    expect(report.gap.status).toBe("gap");
    if (report.gap.status !== "gap") throw new Error("expected a gap");
    for (const c of conditions) expect(evaluate(c.expression, report.gap.witness)).toBe(false);
  });

  it("reasons about decimal boundaries exactly", () => {
    const report = analyse(
      [
        { id: "a", expression: "currentTxn.value <= 10.5" },
        { id: "b", expression: "currentTxn.value > 10.5 || currentTxn.value == null" },
      ],
      TEST_SCHEMA,
    );
    expect(report.pairs[0]?.status).toBe("disjoint");
    expect(report.gap).toEqual({ status: "covered" });
    const between = analyse([{ id: "a", expression: "currentTxn.value < 10.1 || currentTxn.value > 10.2" }], TEST_SCHEMA);
    expect(between.gap.status).toBe("gap");
    if (between.gap.status === "gap") expect(evaluate("currentTxn.value < 10.1 || currentTxn.value > 10.2", between.gap.witness)).toBe(false);
  });

  it("says unknown, with a reason, for conditions outside its fragment", () => {
    const report = analyse(
      [
        { id: "mod", expression: "currentTxn.value % 100 < 10" },
        { id: "plain", expression: "currentTxn.value > 5" },
        { id: "broken", expression: "currentTxn.valeu > 5" },
      ],
      TEST_SCHEMA,
    );
    expect(report.unsupported.map((u) => u.id)).toEqual(["mod", "broken"]);
    expect(report.unsupported[0]?.reason).toContain("currentTxn.value % 100 < 10");
    expect(report.unsupported[1]?.reason).toContain("errors");
    expect(report.pairs.every((p) => p.status === "unknown")).toBe(true);
    expect(report.gap.status).toBe("unknown");
  });
});

// Conditions inside the supported fragment, over a few shared fields.
const atom = fc.oneof(
  fc.constantFrom("Yes", "No", "Maybe").map((v) => `${SWIPED} == "${v}"`),
  fc.constantFrom("isNull()", "isNotNull()").map((m) => `${SWIPED}.${m}`),
  fc.tuple(fc.constantFrom("<", "<=", ">", ">=", "==", "!="), fc.constantFrom("0", "10", "10.5", "100", "-3")).map(([op, c]) => `currentTxn.value ${op} ${c}`),
  fc.constantFrom("currentCustomer.isGroupMember", "currentCustomer.isGroupMember == false", "currentCustomer.isGroupMember == null"),
  fc.constantFrom("GOLD", "other", "").map((v) => `currentTxn.extField_store_type == "${v}"`),
  fc.constant("currentTxn.extField_store_type.isEmpty()"),
);
const condition = fc.letrec<{ c: string }>((tie) => ({
  c: fc.oneof(
    { depthSize: "small" },
    atom,
    tie("c").map((x) => `!(${x})`),
    fc.tuple(fc.constantFrom("&&", "||"), tie("c"), tie("c")).map(([op, a, b]) => `(${a}) ${op} (${b})`),
  ),
})).c;
const event = fc.record({
  currentTxn: fc.record(
    {
      extField_member_card_swiped: fc.constantFrom("Yes", "No"),
      value: fc.oneof(fc.constantFrom(-3, 0, 10, 10.5, 100), fc.double({ min: -200, max: 200, noNaN: true })),
      extField_store_type: fc.constantFrom("GOLD", "other", "", "zzz"),
    },
    { requiredKeys: [] },
  ),
  currentCustomer: fc.record({ isGroupMember: fc.boolean() }, { requiredKeys: [] }),
});

describe("analyse: properties", () => {
  it("witnesses hold, and 'disjoint' / 'covered' are never contradicted by a random event", () => {
    fc.assert(
      fc.property(fc.array(condition, { minLength: 1, maxLength: 3 }), fc.array(event, { minLength: 20, maxLength: 20 }), (sources, events) => {
        const conditions: ConditionInput[] = sources.map((expression, i) => ({ id: `c${i}`, expression }));
        const report = analyse(conditions, TEST_SCHEMA);
        expect(report.unsupported).toEqual([]);
        const byId = new Map(conditions.map((c) => [c.id, c.expression]));
        for (const pair of report.pairs) {
          const a = byId.get(pair.a)!;
          const b = byId.get(pair.b)!;
          if (pair.status === "overlap") {
            expect(evaluate(a, pair.witness) && evaluate(b, pair.witness)).toBe(true);
          } else {
            expect(pair.status).toBe("disjoint");
            for (const e of events) expect(evaluate(a, e) && evaluate(b, e)).toBe(false);
          }
        }
        if (report.gap.status === "gap") {
          for (const c of conditions) expect(evaluate(c.expression, report.gap.witness)).toBe(false);
        } else {
          expect(report.gap.status).toBe("covered");
          for (const e of events) expect(conditions.some((c) => evaluate(c.expression, e))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
