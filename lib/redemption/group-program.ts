import "server-only";
import type { ConfigValues } from "@/lib/org/config-registry";
import { evaluateWorkflow } from "@/lib/workflows/evaluate";
import { getLiveWorkflow } from "@/lib/workflows/live";
import { redemptionError } from "./errors";

// SPEC §2.3 and its 3316 (seed 003 FAQ): an MLP cross-program redemption needs
// ENABLE_GROUP_PROGRAMS_REDEMPTION and a PointsRedemption workflow in the default program that
// branches on currentEvent.isGroupProgramRedemption (true → REDEEM_GROUP_POINTS). The clone's
// rule: a group-redemption payload whose workflow does not run REDEEM_GROUP_POINTS is refused,
// and so is a plain payload whose workflow runs it.

export async function assertGroupProgramBranch(orgId: number, defaultProgramId: number, groupRedemption: boolean, configs: ConfigValues): Promise<void> {
  if (groupRedemption && !configs.ENABLE_GROUP_PROGRAMS_REDEMPTION) {
    throw redemptionError(3316, [], { field: "group_redemption", detail: "ENABLE_GROUP_PROGRAMS_REDEMPTION is off for this org: turn it on, or redeem without group_redemption." });
  }
  const live = await getLiveWorkflow({ orgId, programId: defaultProgramId });
  if (!live) {
    if (groupRedemption) throw redemptionError(3316, [], { field: "group_redemption", detail: "The default program has no LIVE workflow with a PointsRedemption branch on currentEvent.isGroupProgramRedemption." });
    return;
  }
  const outcome = evaluateWorkflow(live.workflow, { activity: "PointsRedemption", context: { currentEvent: { isGroupProgramRedemption: groupRedemption } }, eventDate: new Date() });
  const runsGroupRedeem = outcome.actions.some((a) => a.action.type === "REDEEM_GROUP_POINTS");
  if (groupRedemption && !runsGroupRedeem) {
    throw redemptionError(3316, [], {
      field: "group_redemption",
      detail: "The default program's PointsRedemption workflow must branch on currentEvent.isGroupProgramRedemption (true → REDEEM_GROUP_POINTS).",
    });
  }
  if (!groupRedemption && runsGroupRedeem) {
    throw redemptionError(3316, [], { detail: "The default program's PointsRedemption workflow redeems group points for this payload: send group_redemption: true." });
  }
}
