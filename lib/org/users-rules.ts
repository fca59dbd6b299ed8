import type { Role } from "@/lib/auth/permissions";

// The rules that keep an org administrable (issue #4): pure, so they are unit-tested on their own
// and lib/org/users.ts applies them inside the transaction that makes the change.

export type UserChange = { kind: "role"; role: Role } | { kind: "active"; active: boolean };

export type RuleCheck = {
  actorId: number;
  target: { id: number; role: Role; active: boolean };
  change: UserChange;
  /** Active admins of the org other than the target. */
  otherActiveAdmins: number;
};

/** Why the change is refused, or null when it is allowed. */
export function userChangeRefusal({ actorId, target, change, otherActiveAdmins }: RuleCheck): string | null {
  const self = actorId === target.id;
  if (change.kind === "active" && !change.active && self) {
    return "You cannot deactivate yourself. Ask another admin to do it.";
  }
  if (change.kind === "role" && self && target.role === "ADMIN" && change.role !== "ADMIN") {
    return "You cannot remove your own admin role. Ask another admin to do it.";
  }
  const losesAdmin =
    target.role === "ADMIN" &&
    target.active &&
    ((change.kind === "role" && change.role !== "ADMIN") || (change.kind === "active" && !change.active));
  if (losesAdmin && otherActiveAdmins === 0) {
    return "The org must keep at least one active admin. Make someone else an admin first.";
  }
  return null;
}
