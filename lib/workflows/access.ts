import type { Actor } from "@/lib/auth/actor";
import { can, type Permission, type Role } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

// Who is acting on a workflow, and what they may do (issue 8 "Roles", enforced here and not only
// by hiding controls): ADMIN and PROGRAM_MANAGER edit and publish, VIEWER reads, MEMBER_CARE has
// no access. An API client's scopes were checked at the door (withApiClient); it acts like a
// maker: it may save and publish, never approve a publish request.

export type WorkflowPrincipal = { actor: Actor; role: Role } | { actor: Actor; role: "API_CLIENT" };

export function assertMay(principal: WorkflowPrincipal, permission: Permission): void {
  if (principal.role === "API_CLIENT") {
    if (permission === "workflows:approve") throw new AppError("FORBIDDEN", "Only an admin can approve or reject a publish request.");
    return;
  }
  if (!can(principal.role, permission)) {
    throw new AppError("FORBIDDEN", permission === "workflows:approve" ? "Only an admin can approve or reject a publish request." : "Your role does not allow this.");
  }
}

/** A console user's id, or null for API clients and the system. */
export function userIdOf(principal: WorkflowPrincipal): number | null {
  return principal.actor.kind === "user" ? principal.actor.id : null;
}
