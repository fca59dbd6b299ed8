import { describe, expect, it } from "vitest";
import { buildSchema } from "@/lib/expr";
import type { ConfigValues } from "@/lib/org/config-registry";
import { compileWorkflow } from "@/lib/workflows/evaluate";
import { workflowDocumentSchema } from "@/lib/workflows/schema";
import { seedWorkflowDocument } from "@/lib/workflows/seed-workflow";
import type { EventState } from "./load";
import { planAwards, type PlanInput } from "./plan";

// The engine's decisions without a database: which wallet, how many points, what is refused.
const schema = buildSchema({ extendedFields: [{ name: "member_card_swiped", scope: "TRANSACTION", type: "enum", allowedValues: ["Yes", "No"] }] });
const seedLive = { versionId: 7, number: 1, workflow: compileWorkflow(workflowDocumentSchema.parse(seedWorkflowDocument()), schema) };
const customer = { id: 11, firstName: "Ana", lastName: "Lee", joinedAt: new Date("2025-01-01"), email: null, externalId: null, extendedFields: {} };

function input(overrides: { configs?: Partial<ConfigValues>; group?: EventState["group"]; live?: boolean; swiped?: string | null; programs?: EventState["programs"] } = {}): PlanInput {
  const programs = overrides.programs ?? [{ id: 1, name: "Default", isDefault: true, via: null }];
  return {
    activity: "TransactionAdd",
    customer,
    state: {
      programs,
      configs: { CONF_ENABLE_GROUP_POINTS_BY_PROGRAM: false, CONF_DEFAULT_POINTS_ON_TRANSACTION: false, CONF_DEFAULT_POINTS_PERCENT: 1, ...overrides.configs } as ConfigValues,
      txnFields: [{ name: "member_card_swiped", type: "ENUM", allowedValues: ["Yes", "No"] }],
      location: {},
      enrolments: new Map(),
      balances: new Map(),
      group: overrides.group === undefined ? { id: 5, externalId: "FAM", name: "Family", size: 2, lifetimePurchases: 0 } : overrides.group,
    },
    lives: new Map(programs.map((p) => [p.id, overrides.live === false ? null : seedLive])),
    txn: { value: 1234.5, discount: 0, grossAmount: null, fields: overrides.swiped === undefined || overrides.swiped === null ? {} : { member_card_swiped: overrides.swiped } },
    eventDate: new Date("2026-11-20T10:00:00Z"),
  };
}

describe("planAwards", () => {
  it("follows seed 001: Yes to the group wallet, No or absent to the member, never both", () => {
    expect(planAwards(input({ swiped: "Yes" })).awards.map((a) => [a.owner, a.points, a.conditionName])).toEqual([[{ type: "USERGROUP", id: 5 }, "123", "User Group"]]);
    expect(planAwards(input({ swiped: "No" })).awards.map((a) => a.owner)).toEqual([{ type: "CUSTOMER", id: 11 }]);
    expect(planAwards(input()).awards.map((a) => [a.owner.type, a.workflowVersionId, a.expiresAt])).toEqual([["CUSTOMER", 7, "2027-11-20T10:00:00.000Z"]]);
  });

  it("warns (877) instead of awarding a group allocation when the member has no group", () => {
    const plan = planAwards(input({ swiped: "Yes", group: null }));
    expect(plan.awards).toEqual([]);
    expect(plan.warnings.map((w) => w.code)).toEqual([877]);
  });

  it("gives the default rate to both wallets only when no workflow is live and the org says so", () => {
    expect(planAwards(input({ live: false })).awards).toEqual([]);
    const plan = planAwards(input({ live: false, configs: { CONF_DEFAULT_POINTS_ON_TRANSACTION: true, CONF_DEFAULT_POINTS_PERCENT: 2 } }));
    expect(plan.awards.map((a) => [a.owner.type, a.points, a.conditionName])).toEqual([["CUSTOMER", "24", "Default rate"], ["USERGROUP", "24", "Default rate"]]);
  });

  it("keeps a brand's group points in the default program's group wallet unless groups earn per program", () => {
    const programs = [{ id: 1, name: "Default", isDefault: true, via: null }, { id: 2, name: "Brand", isDefault: false, via: { type: "CONCEPT" as const, id: 3, code: "C" } }];
    const pooled = planAwards(input({ programs, swiped: "Yes" })).awards.filter((a) => a.owner.type === "USERGROUP");
    expect(pooled.map((a) => [a.sourceProgramId, a.programId])).toEqual([[1, 1], [2, 1]]);
    const apart = planAwards(input({ programs, swiped: "Yes", configs: { CONF_ENABLE_GROUP_POINTS_BY_PROGRAM: true } })).awards;
    expect(apart.map((a) => [a.sourceProgramId, a.programId])).toEqual([[1, 1], [2, 2]]);
  });

  it("dates a PROGRAM_DEFAULT allocation by the program's default expiry from the Strategies tab, never when it has none", () => {
    const doc = seedWorkflowDocument();
    const withDefault = JSON.parse(JSON.stringify(doc).replaceAll(/"expiry":\{[^}]*\}/g, '"expiry":{"type":"PROGRAM_DEFAULT"}')) as unknown;
    const live = { versionId: 8, number: 2, workflow: compileWorkflow(workflowDocumentSchema.parse(withDefault), schema) };
    const base = input();
    const never = planAwards({ ...base, lives: new Map([[1, live]]) }).awards;
    expect(never.map((a) => a.expiresAt)).toEqual([null]);
    const sixMonths = planAwards({ ...base, lives: new Map([[1, live]]), state: { ...base.state, defaultExpiries: new Map([[1, { type: "EVENT_DATE", value: 6, unit: "MONTHS" }]]) } }).awards;
    expect(sixMonths.map((a) => a.expiresAt)).toEqual(["2027-05-20T10:00:00.000Z"]);
  });
});
