// The one role matrix (STYLE.md "Mutations"): every page, action and API route asks it.
// Client-safe: the console also uses it to hide what a role cannot do (never as the only guard).
export const ROLES = ["ADMIN", "PROGRAM_MANAGER", "MEMBER_CARE", "VIEWER"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Admin",
  PROGRAM_MANAGER: "Program manager",
  MEMBER_CARE: "Member care",
  VIEWER: "Viewer",
};

const ALL: readonly Role[] = ROLES;

export const PERMISSIONS = {
  "programs:read": ALL,
  "programs:write": ["ADMIN", "PROGRAM_MANAGER"],
  "member-care:read": ALL,
  "member-care:write": ["ADMIN", "MEMBER_CARE"],
  "settings:read": ["ADMIN", "PROGRAM_MANAGER"],
  "settings:write": ["ADMIN"],
  "users:manage": ["ADMIN"],
  "audit:read": ["ADMIN", "PROGRAM_MANAGER"],
  // Workflows (issue 8): member care has no business in a program's rules.
  "workflows:read": ["ADMIN", "PROGRAM_MANAGER", "VIEWER"],
  "workflows:write": ["ADMIN", "PROGRAM_MANAGER"],
  "workflows:approve": ["ADMIN"],
  // Everyone changes their own password; it is also all a user on a temporary password may do.
  "account:password": ALL,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
