import { describe, expect, it } from "vitest";
import { buildSchema } from "@/lib/expr";
import { compileWorkflow, evaluateWorkflow, simulateWorkflow } from "./evaluate";
import { workflowDocumentSchema, type WorkflowDocument } from "./schema";
import { seedWorkflowDocument } from "./seed-workflow";

const schema = buildSchema({ extendedFields: [{ name: "member_card_swiped", scope: "TRANSACTION", type: "enum", allowedValues: ["Yes", "No"] }] });
const seed = workflowDocumentSchema.parse(seedWorkflowDocument());
const eventDate = new Date("2026-03-31T10:00:00Z");

function run(document: WorkflowDocument, txn: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return simulateWorkflow(document, schema, { activity: "TransactionAdd", context: { currentTxn: txn, ...extra }, eventDate });
}

describe("evaluating the seed's two conditions (seed 001)", () => {
  it("credits the group wallet for a Yes transaction, and only the group wallet", () => {
    const out = run(seed, { value: "1234.50", extField_member_card_swiped: "Yes" });
    expect(out.problems).toEqual([]);
    expect(out.rulesets[0]?.conditions.map((c) => [c.name, c.result, c.branch])).toEqual([
      ["Individual", false, "whenFalse"],
      ["User Group", true, "whenTrue"],
    ]);
    expect(out.allocations).toHaveLength(1);
    expect(out.allocations[0]).toMatchObject({ wallet: "USER_GROUP", points: "123", kind: "REGULAR", conditionName: "User Group" });
    // 12 months after 31 March is 31 March next year; the expiry says where it came from.
    expect(out.allocations[0]?.expiry).toEqual({ type: "EVENT_DATE", fromProgramDefault: false, expiresAt: "2027-03-31T10:00:00.000Z" });
  });

  it("credits the individual wallet for a transaction without the field, with the explain trace", () => {
    const out = run(seed, { value: 999 });
    expect(out.allocations.map((a) => [a.wallet, a.points, a.basis])).toEqual([["INDIVIDUAL", "99", "10% of 999 (currentTxn.value), FLOOR"]]);
    const trace = out.rulesets[0]?.conditions[0]?.explanation?.steps.map((s) => [s.source, s.value]);
    expect(trace).toContainEqual(["currentTxn.extField_member_card_swiped.isNull()", true]);
  });
});

describe("allocation rules", () => {
  const doc = (allocation: unknown, rounding = "ACTUAL", expiry: unknown = { type: "NEVER" }, cap?: number) =>
    workflowDocumentSchema.parse({
      activities: [
        {
          activity: "TransactionAdd",
          rulesets: [
            {
              name: "Earn",
              ...(cap ? { pointsCap: { points: cap } } : {}),
              conditions: [
                { name: "All", expression: "true", whenTrue: [{ type: "TRANSACTION_POINT_ALLOCATION", userEntity: "INDIVIDUAL", allocation, rounding, pointsKind: "PROMOTIONAL", expiry }] },
                { name: "Bonus", expression: "currentTxn.value > 100", whenTrue: [{ type: "TRANSACTION_POINT_ALLOCATION", userEntity: "INDIVIDUAL", allocation: { type: "FIXED", points: 50 }, rounding, pointsKind: "REGULAR", expiry }] },
              ],
            },
          ],
        },
      ],
    });

  it("rounds exactly: ACTUAL keeps 4 decimals, CEIL and ROUND go up, FLOOR down", () => {
    const points = (rounding: string) => run(doc({ type: "PRORATED", percent: 3.3 }, rounding), { value: "10.05" }).allocations[0]?.points;
    // 3.3% of 10.05 = 0.33165
    expect(points("ACTUAL")).toBe("0.3317");
    expect(points("FLOOR")).toBe("0");
    expect(points("CEIL")).toBe("1");
    expect(points("ROUND")).toBe("0");
    expect(run(doc({ type: "PRORATED", percent: 10 }, "ACTUAL"), { value: "0.3" }).allocations[0]?.points).toBe("0.03");
  });

  it("picks the customer's tier line and earns nothing for a tier without one", () => {
    const perTier = { type: "PER_TIER", tiers: [{ tierNumber: 2, allocation: { type: "PRORATED", percent: 5 } }] };
    expect(run(doc(perTier), { value: 100 }, { currentCustomer: { slabNumber: 2 } }).allocations[0]?.points).toBe("5");
    const none = run(doc(perTier), { value: 100 }, { currentCustomer: { slabNumber: 1 } }).allocations[0];
    expect(none?.points).toBe("0");
    expect(none?.basis).toContain("tier 1 has no allocation");
  });

  it("shares the ruleset's points cap among its allocations in order", () => {
    const out = run(doc({ type: "PRORATED", percent: 10 }, "FLOOR", { type: "NEVER" }, 80), { value: 500 });
    expect(out.allocations.map((a) => [a.points, a.uncappedPoints])).toEqual([
      ["50", "50"],
      ["30", "50"],
    ]);
    expect(out.rulesets[0]?.capped).toBe(true);
  });

  it("gives no points for a value the event does not carry or a negative one", () => {
    expect(run(doc({ type: "PRORATED", percent: 10 }), {}).allocations[0]?.points).toBe("0");
    expect(run(doc({ type: "PRORATED", percent: 10 }), { value: -40 }).allocations[0]?.points).toBe("0");
  });

  it("resolves PROGRAM_DEFAULT expiry from the program, and never when the program has none", () => {
    const document = doc({ type: "FIXED", points: 5 }, "ACTUAL", { type: "PROGRAM_DEFAULT" });
    const workflow = compileWorkflow(document, schema);
    const event = { activity: "TransactionAdd" as const, context: { currentTxn: { value: 1 } }, eventDate: new Date("2026-01-31T00:00:00Z") };
    const withDefault = evaluateWorkflow(workflow, { ...event, programDefaultExpiry: { type: "ROLLING", value: 1, unit: "MONTHS" } });
    expect(withDefault.allocations[0]?.expiry).toEqual({ type: "ROLLING", fromProgramDefault: true, expiresAt: "2026-02-28T00:00:00.000Z", rollingPeriod: { value: 1, unit: "MONTHS" } });
    expect(evaluateWorkflow(workflow, event).allocations[0]?.expiry).toEqual({ type: "NEVER", fromProgramDefault: true, expiresAt: null });
  });
});

describe("conditions, branches and scope", () => {
  it("runs whenFalse actions, collects non-allocation actions, and skips conditions with errors", () => {
    const document = workflowDocumentSchema.parse({
      activities: [
        {
          activity: "TransactionAdd",
          rulesets: [
            {
              name: "Tiers",
              conditions: [
                { name: "Big", expression: "currentTxn.value >= 1000", whenTrue: [{ type: "UPGRADE_TIER" }], whenFalse: [{ type: "SEND_WEBHOOK", event: "smallSpend" }] },
                { name: "Broken", expression: "currentTxn.valeu > 1", whenTrue: [{ type: "RENEW_TIER" }] },
              ],
            },
          ],
        },
      ],
    });
    const out = run(document, { value: 10 });
    expect(out.actions.map((a) => [a.conditionName, a.branch, a.action.type])).toEqual([["Big", "whenFalse", "SEND_WEBHOOK"]]);
    expect(out.rulesets[0]?.conditions[1]).toMatchObject({ name: "Broken", result: null, branch: null });
    expect(out.problems).toMatchObject([{ path: "activities.0.rulesets.0.conditions.1.expression", code: "UNKNOWN_ATTRIBUTE", line: 1, column: 12 }]);
  });

  it("skips a ruleset whose scope excludes the event, and other activities entirely", () => {
    const document = workflowDocumentSchema.parse({
      activities: [{ activity: "TransactionAdd", rulesets: [{ name: "Spring", scope: { startDate: "2026-04-01" }, conditions: [{ name: "All", expression: "true", whenTrue: [{ type: "UPGRADE_TIER" }] }] }] }],
    });
    const out = run(document, { value: 10 });
    expect(out.rulesets).toEqual([{ name: "Spring", inScope: false, outOfScopeReason: "The ruleset starts on 2026-04-01.", capped: false, conditions: [] }]);
    const other = simulateWorkflow(document, schema, { activity: "ReturnBill", context: {}, eventDate });
    expect(other.rulesets).toEqual([]);
  });
});

describe("analysing the seed pair (issue 8)", async () => {
  const { analyseActivity, describeWitness } = await import("./analysis");
  it("reports no overlap for the seed, and an overlap once the first condition's isNull() becomes isNotNull()", () => {
    const ok = analyseActivity(seed, "TransactionAdd", schema);
    expect(ok.report?.overlaps).toEqual([]);
    const broken = structuredClone(seed);
    broken.activities[0]!.rulesets[0]!.conditions[0]!.expression = 'currentTxn.extField_member_card_swiped=="No" || currentTxn.extField_member_card_swiped.isNotNull()';
    const out = analyseActivity(broken, "TransactionAdd", schema);
    expect(out.report?.overlaps).toHaveLength(1);
    const lines = describeWitness(out.report!.overlaps[0]!.witness, broken.activities[0]!.rulesets[0]!.conditions.map((c) => c.expression));
    expect(lines).toEqual([{ path: "currentTxn.extField_member_card_swiped", value: '"Yes"' }]);
  });

  it("reports the gap of a first condition without isNull(): a transaction without the field", () => {
    const noNull = structuredClone(seed);
    noNull.activities[0]!.rulesets[0]!.conditions[0]!.expression = 'currentTxn.extField_member_card_swiped=="No"';
    const out = analyseActivity(noNull, "TransactionAdd", schema);
    expect(out.report?.overlaps).toEqual([]);
    expect(out.report?.gap.status).toBe("gap");
    const gap = out.report!.gap as { witness: Record<string, Record<string, unknown>> };
    expect(describeWitness(gap.witness, [SEED])).toEqual([{ path: "currentTxn.extField_member_card_swiped", value: "null (absent)" }]);
  });
});
const SEED = 'currentTxn.extField_member_card_swiped=="No"';
