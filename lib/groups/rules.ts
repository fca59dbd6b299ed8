import { MEMBER_PERMISSIONS, type MemberPermission } from "./schema";

// The pure rules of membership (SPEC §0, §1, seed 001), kept apart from the database so they are
// tested on their own and read the same wherever points move (the ledger asks them too).

export type MemberAbility = "redemption" | "transfer";

/**
 * What a member may do with the group's points (seed 001): the primary always may; a secondary
 * only with `allow_points_<x>`; a `block_points_<x>` on a secondary wins over an allow.
 */
export function memberCan(member: { primaryMember: boolean; permissions: readonly string[] }, ability: MemberAbility): boolean {
  if (member.primaryMember) return true;
  if (member.permissions.includes(`block_points_${ability}`)) return false;
  return member.permissions.includes(`allow_points_${ability}`);
}

/** The first permission string that is not one of the four member permissions, if any (1641). */
export function unknownPermission(permissions: readonly string[]): string | undefined {
  return permissions.find((p) => !(MEMBER_PERMISSIONS as readonly string[]).includes(p));
}

/** Warnings for permissions that do not do what a caller may think (kept, but explained). */
export function permissionWarnings(member: { primaryMember: boolean; permissions: readonly string[] }): string[] {
  const out: string[] = [];
  for (const ability of ["redemption", "transfer"] as const) {
    const blocked = member.permissions.includes(`block_points_${ability}`);
    if (member.primaryMember && blocked) out.push(`block_points_${ability} has no effect on a primary member: the primary always has points ${ability}.`);
    else if (blocked && member.permissions.includes(`allow_points_${ability}`)) out.push(`Both allow_ and block_points_${ability} passed: block wins.`);
  }
  return out;
}

/** Distinct permissions in a stable order. */
export function normalisePermissions(permissions: readonly string[]): MemberPermission[] {
  return MEMBER_PERMISSIONS.filter((p) => permissions.includes(p));
}

/** A group's member cap: its maxGroupSize within the org's CONF_USER_GROUP_SIZE; the primary counts. */
export function groupCapacity(maxGroupSize: number, orgGroupSize: number): number {
  return Math.min(maxGroupSize, orgGroupSize);
}

/**
 * Whether one more member fits (SPEC §0 CONF_USER_GROUP_SIZE: "a cap of 5 allows 1 primary + 4
 * secondary"). A group without its primary yet keeps one place for it, so secondaries alone can
 * never fill it.
 */
export function hasRoomFor(joining: { primaryMember: boolean }, group: { currentMembers: number; hasPrimary: boolean; capacity: number }): boolean {
  const reserved = !joining.primaryMember && !group.hasPrimary ? 1 : 0;
  return group.currentMembers + reserved < group.capacity;
}
