import { ACTION_LABEL, type Allocation, type Expiry, type WorkflowAction } from "./schema";

// One line per action for the condition list and the diff ("10% of the bill to the User Group
// wallet, floor, regular, expires 12 months after the event"). Client-safe.

export function describeAction(action: WorkflowAction): string {
  switch (action.type) {
    case "TRANSACTION_POINT_ALLOCATION":
      return `${allocationText(action.allocation)} → ${action.userEntity === "USER_GROUP" ? "User Group" : "Individual"} wallet · ${action.rounding.toLowerCase()} · ${action.pointsKind.toLowerCase()} · ${expiryText(action.expiry)}`;
    case "UPGRADE_TIER":
      return action.toTierNumber ? `Upgrade to tier ${action.toTierNumber}` : "Upgrade one tier";
    case "RENEW_TIER":
      return action.validity ? `Renew tier for ${action.validity.value} ${action.validity.unit.toLowerCase()}` : "Renew tier (program's tier validity)";
    case "SEND_WEBHOOK":
      return `Send webhook ${action.event}`;
    default:
      return ACTION_LABEL[action.type];
  }
}

function allocationText(a: Allocation): string {
  if (a.type === "FIXED") return `${a.points} points`;
  if (a.type === "PRORATED") return `${a.percent}% of ${a.prorateOn === "CURRENT_AGGREGATE" ? "the current aggregate" : a.prorateOn === "PREVIOUS_AGGREGATE" ? "the previous aggregate" : "the bill"}`;
  return `per tier (${a.tiers.map((t) => `T${t.tierNumber}: ${t.allocation.type === "FIXED" ? `${t.allocation.points} pts` : `${t.allocation.percent}%`}`).join(", ")})`;
}

function expiryText(e: Expiry): string {
  if (e.type === "NEVER") return "never expires";
  if (e.type === "PROGRAM_DEFAULT") return "program's default expiry";
  return `${e.type === "ROLLING" ? "rolling, " : ""}expires ${e.value} ${e.unit.toLowerCase()} after the event`;
}
