import type { Permission } from "@/lib/auth/permissions";

// The settings sections, in menu order. Each page checks its own permission; this list only
// decides what the menu and the overview show to a role.
export const SETTINGS_SECTIONS: { href: string; title: string; body: string; permission: Permission }[] = [
  { href: "/settings/organisation", title: "Organisation", body: "Zones, concepts, card series, stores and tills; the org's multi-loyalty-program type.", permission: "settings:read" },
  { href: "/settings/configs", title: "Configs", body: "Every organisation config (user groups, fleets, redemption, expiry) with its description.", permission: "settings:read" },
  { href: "/settings/points", title: "Points management", body: "Single Rolling Expiry across programs: period and the events that roll points.", permission: "settings:read" },
  { href: "/settings/extended-fields", title: "Extended fields", body: "Typed fields for transactions, customers and user groups, used by workflow conditions.", permission: "settings:read" },
  { href: "/settings/fleet-hierarchies", title: "Fleet hierarchies", body: "B2B role chains (owner → driver): company groups, child caps and role permissions.", permission: "settings:read" },
  { href: "/settings/api-clients", title: "API clients", body: "Credentials for POS, e-commerce and CRM systems calling the /v2 API.", permission: "settings:read" },
  { href: "/settings/webhooks", title: "Webhooks", body: "Signed event notifications (tier changes, points, transactions) and their delivery log.", permission: "settings:read" },
  { href: "/settings/users", title: "Users and roles", body: "Who can sign in to this org's console, and what their role lets them do.", permission: "users:manage" },
  { href: "/settings/audit", title: "Audit log", body: "Every configuration change: who, what, before, after and when.", permission: "audit:read" },
];
