import type { WorkflowDocumentInput } from "./schema";

// Seed 001 ("Configure Points Contribution and Deduction"): two mutually exclusive TransactionAdd
// conditions, so a transaction credits either the member's wallet or the group's, never both.
// Used by the demo org, the tests and the docs; the extended field is TRANSACTION member_card_swiped
// (ENUM Yes | No).

export const MEMBER_CARD_SWIPED = "member_card_swiped";

export const SEED_INDIVIDUAL_EXPRESSION = 'currentTxn.extField_member_card_swiped=="No" || currentTxn.extField_member_card_swiped.isNull()';
export const SEED_GROUP_EXPRESSION = 'currentTxn.extField_member_card_swiped=="Yes"';

export function seedWorkflowDocument(): WorkflowDocumentInput {
  const expiry = { type: "EVENT_DATE", value: 12, unit: "MONTHS" } as const;
  return {
    activities: [
      {
        activity: "TransactionAdd",
        rulesets: [
          {
            name: "Earn",
            conditions: [
              {
                name: "Individual",
                expression: SEED_INDIVIDUAL_EXPRESSION,
                whenTrue: [{ type: "TRANSACTION_POINT_ALLOCATION", userEntity: "INDIVIDUAL", allocation: { type: "PRORATED", percent: 10 }, rounding: "FLOOR", pointsKind: "REGULAR", expiry }],
                whenFalse: [],
              },
              {
                name: "User Group",
                expression: SEED_GROUP_EXPRESSION,
                whenTrue: [{ type: "TRANSACTION_POINT_ALLOCATION", userEntity: "USER_GROUP", allocation: { type: "PRORATED", percent: 10 }, rounding: "FLOOR", pointsKind: "REGULAR", expiry }],
                whenFalse: [],
              },
            ],
          },
        ],
      },
    ],
  };
}
