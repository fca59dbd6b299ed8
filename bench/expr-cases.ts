// The SPEC §5.3 example conditions with their nearest equivalents in the engines we compare
// against, and the events to evaluate them on. Equivalents differ where the languages do:
// CEL has no `%` on doubles and no null fields (has()), jexl/jsonata have no isWeekday.

export interface BenchCase {
  readonly id: string;
  /** Counts towards the 5,000,000 evals/s goal for the seed conditions. */
  readonly seed: boolean;
  readonly ours: string;
  readonly cel: string;
  readonly jexl: string;
  readonly jsonata: string;
}

const SWIPED = "currentTxn.extField_member_card_swiped";

export const CASES: readonly BenchCase[] = [
  {
    id: "card-swiped-no-or-null",
    seed: true,
    ours: `${SWIPED}=="No" || ${SWIPED}.isNull()`,
    cel: `!has(${SWIPED}) || ${SWIPED} == "No"`,
    jexl: `${SWIPED} == "No" || ${SWIPED} == null`,
    jsonata: `${SWIPED} = "No" or $not($exists(${SWIPED}))`,
  },
  { id: "card-swiped-yes", seed: true, ours: `${SWIPED}=="Yes"`, cel: `has(${SWIPED}) && ${SWIPED} == "Yes"`, jexl: `${SWIPED} == "Yes"`, jsonata: `${SWIPED} = "Yes"` },
  { id: "group-member-yes", seed: true, ours: "currentCustomer.isGroupMember==Yes", cel: "currentCustomer.isGroupMember == true", jexl: "currentCustomer.isGroupMember == true", jsonata: "currentCustomer.isGroupMember = true" },
  { id: "group-member-true", seed: true, ours: "currentCustomer.isGroupMember==true", cel: "currentCustomer.isGroupMember == true", jexl: "currentCustomer.isGroupMember == true", jsonata: "currentCustomer.isGroupMember = true" },
  {
    id: "group-program-redemption",
    seed: true,
    ours: "currentEvent.isGroupProgramRedemption==true",
    cel: "currentEvent.isGroupProgramRedemption == true",
    jexl: "currentEvent.isGroupProgramRedemption == true",
    jsonata: "currentEvent.isGroupProgramRedemption = true",
  },
  { id: "slab-number-3", seed: false, ours: "currentCustomer.slabNumber==3", cel: "currentCustomer.slabNumber == 3.0", jexl: "currentCustomer.slabNumber == 3", jsonata: "currentCustomer.slabNumber = 3" },
  { id: "slab-name-not-normal", seed: false, ours: `currentCustomer.slabName!="Normal"`, cel: `currentCustomer.slabName != "Normal"`, jexl: `currentCustomer.slabName != "Normal"`, jsonata: `currentCustomer.slabName != "Normal"` },
  { id: "value-mod-100", seed: false, ours: "currentTxn.value%100<10", cel: "int(currentTxn.value) % 100 < 10", jexl: "currentTxn.value % 100 < 10", jsonata: "currentTxn.value % 100 < 10" },
  {
    id: "discount-cap-40pct",
    seed: false,
    ours: "currentTxn.discount<=(((currentTxn.value+currentTxn.discount)*40)/100)",
    cel: "currentTxn.discount <= (((currentTxn.value + currentTxn.discount) * 40.0) / 100.0)",
    jexl: "currentTxn.discount <= (((currentTxn.value + currentTxn.discount) * 40) / 100)",
    jsonata: "currentTxn.discount <= (((currentTxn.value + currentTxn.discount) * 40) / 100)",
  },
  { id: "tracker-below-12000", seed: false, ours: "currentTrackerCondition.trackerCurrAggr<12000", cel: "currentTrackerCondition.trackerCurrAggr < 12000.0", jexl: "currentTrackerCondition.trackerCurrAggr < 12000", jsonata: "currentTrackerCondition.trackerCurrAggr < 12000" },
  { id: "group-points-over-200", seed: false, ours: "currentTxn.pointsForUserGroup > 200", cel: "currentTxn.pointsForUserGroup > 200.0", jexl: "currentTxn.pointsForUserGroup > 200", jsonata: "currentTxn.pointsForUserGroup > 200" },
  {
    id: "miles-at-least-100",
    seed: false,
    ours: `currentTxn.currencyAwarded("miles") >= 100`,
    cel: `currentTxn.currencyAwarded.miles >= 100.0`,
    jexl: `currentTxn.currencyAwarded.miles >= 100`,
    jsonata: `currentTxn.currencyAwarded.miles >= 100`,
  },
  { id: "group-name-contains-corp", seed: false, ours: `currentUserGroup.name.contains("Corp")`, cel: `currentUserGroup.name.contains("Corp")`, jexl: `"Corp" in currentUserGroup.name`, jsonata: `$contains(currentUserGroup.name, "Corp")` },
  {
    id: "join-date-weekday",
    seed: false,
    ours: "currentCustomer.joinDate.isWeekday()",
    cel: "timestamp(currentCustomer.joinDate).getDayOfWeek('UTC') >= 1 && timestamp(currentCustomer.joinDate).getDayOfWeek('UTC') <= 5",
    jexl: "currentCustomer.joinDate|isWeekday",
    jsonata: "$isWeekday(currentCustomer.joinDate)",
  },
];

/** Varied events of one realistic shape (as the engine builds them), cycled by the benchmark. */
export function buildContexts(count: number): Record<string, Record<string, unknown>>[] {
  const out: Record<string, Record<string, unknown>>[] = [];
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < count; i++) {
    const value = Math.round(rand() * 50000) / 100;
    const txn: Record<string, unknown> = {
      value,
      discount: Math.round(rand() * value * 50) / 100,
      pointsForUserGroup: Math.floor(rand() * 400),
      currencyAwarded: { miles: Math.floor(rand() * 200) },
    };
    // One event in four carries no card-swiped flag: the isNull() branch of the seed condition.
    if (i % 4 !== 0) txn["extField_member_card_swiped"] = rand() < 0.5 ? "Yes" : "No";
    out.push({
      currentTxn: txn,
      currentCustomer: {
        isGroupMember: rand() < 0.5,
        slabNumber: 1 + Math.floor(rand() * 4),
        slabName: ["Normal", "Silver", "Gold"][i % 3] ?? "Normal",
        joinDate: new Date(Date.UTC(2020, 0, 1) + Math.floor(rand() * 1500) * 86_400_000).toISOString(),
      },
      currentEvent: { isGroupProgramRedemption: rand() < 0.3 },
      currentUserGroup: { name: rand() < 0.5 ? "Acme Corp" : "Family 7" },
      currentTrackerCondition: { trackerCurrAggr: Math.floor(rand() * 24000) },
    });
  }
  return out;
}
