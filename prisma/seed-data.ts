// What the demo org holds. Credentials are development-only and documented in the README.
import { POS_SCOPES, SCOPE_NAMES } from "@/lib/auth/scopes";
import type { FieldScope, FieldType, Role } from "@/lib/generated/prisma/client";

export const DEMO = {
  org: { name: "Demo Retail", slug: "demo-retail" },
  // Concept-based MLP (seed 003): brands Trends, Jewel and Foodworld across zones.
  zones: [
    { code: "NORTH", name: "North" },
    { code: "SOUTH", name: "South" },
    { code: "EAST", name: "East" },
  ],
  concepts: [
    { code: "TRENDS", name: "Trends" },
    { code: "JEWEL", name: "Jewel" },
    { code: "FOODWORLD", name: "Foodworld" },
  ],
  cardSeries: [
    { code: "CLASSIC", name: "Classic card", prefix: "9100" },
    { code: "PREMIER", name: "Premier card", prefix: "9200" },
  ],
  stores: [
    { code: "STORE-001", name: "Trends North", zone: "NORTH", concept: "TRENDS", tills: [{ code: "TILL-001", name: "Till 1" }] },
    { code: "STORE-002", name: "Jewel South", zone: "SOUTH", concept: "JEWEL", tills: [{ code: "TILL-002", name: "Till 2" }] },
    {
      code: "STORE-003",
      name: "Foodworld East",
      zone: "EAST",
      concept: "FOODWORLD",
      tills: [{ code: "TILL-003", name: "Till 3" }],
    },
  ],
  users: [
    { email: "admin@demo.test", name: "Ada Admin", role: "ADMIN" as Role, password: "demo-admin-pass" },
    { email: "manager@demo.test", name: "Priya Manager", role: "PROGRAM_MANAGER" as Role, password: "demo-manager-pass" },
    { email: "agent@demo.test", name: "Carlos Agent", role: "MEMBER_CARE" as Role, password: "demo-agent-pass" },
    { email: "viewer@demo.test", name: "Vera Viewer", role: "VIEWER" as Role, password: "demo-viewer-pass" },
  ],
  programs: [
    {
      name: "Demo Retail Rewards",
      description: "The org's default program: every event is evaluated here.",
      isDefault: true,
      active: true,
      contributors: ["manager@demo.test"],
      concepts: [] as string[],
      tiers: [
        { name: "Silver", threshold: 0 },
        { name: "Gold", threshold: 5000 },
        { name: "Platinum", threshold: 20000 },
      ],
    },
    {
      name: "Trends Style Club",
      description: "Brand program for the Trends concept.",
      isDefault: false,
      active: true,
      contributors: ["manager@demo.test"],
      concepts: ["TRENDS"],
      tiers: [
        { name: "SilverTrends", threshold: 0 },
        { name: "GoldTrends", threshold: 3000 },
      ],
    },
    {
      name: "Jewel Circle",
      description: "Brand program for the Jewel concept.",
      isDefault: false,
      active: false,
      contributors: [] as string[],
      concepts: ["JEWEL"],
      tiers: [
        { name: "Pearl", threshold: 0 },
        { name: "Diamond", threshold: 10000 },
      ],
    },
  ],
  // Seed 000/001: the POS passes member_card_swiped to mark group transactions.
  extendedFields: [
    {
      scope: "TRANSACTION" as FieldScope,
      name: "member_card_swiped",
      type: "ENUM" as FieldType,
      allowedValues: ["Yes", "No"],
      description: "Yes when the group's member card was swiped: the transaction earns for the group wallet.",
    },
  ],
  // The customers of seed 000's join examples and seed 001's transfer: 564662500 is the driver and
  // 564662501 the store owner, with the mobiles seed 000's association bodies use (so those bodies
  // work against a fresh database through PUT /v2/customers/lookup?identifierName=mobile&…).
  // Registered at TILL-001 (Trends): enrolled in the default program and Trends Style Club.
  customers: [
    { id: 564662499, firstName: "Asha", lastName: "Raman", mobile: "919000000499", email: "asha.raman@example.com", externalId: "CUST-564662499", card: "9100000000000499", till: "TILL-001" },
    { id: 564662500, firstName: "Ben", lastName: "Okafor", mobile: "9781027293", email: "ben.okafor@example.com", externalId: "CUST-564662500", card: null, till: "TILL-001" },
    { id: 564662501, firstName: "Chen", lastName: "Li", mobile: "9876543210", email: "chen.li@example.com", externalId: "CUST-564662501", card: null, till: "TILL-001" },
    // Seed 001: transfers points to group 3847940, the demo family it heads (prisma/seed-groups.ts).
    { id: 565345942, firstName: "Dev", lastName: "Raman", mobile: "919000005942", email: "dev.raman@example.com", externalId: "CUST-565345942", card: "9200000005345942", till: "TILL-001" },
  ] as { id: number; firstName: string; lastName: string; mobile: string; email: string; externalId: string; card: string | null; till: string }[],
  customerPrograms: ["Demo Retail Rewards", "Trends Style Club"],
  configs: {
    CONF_USER_GROUP_ENABLED: true,
    CONF_USER_GROUP_SIZE: 5,
    ENABLE_USER_GROUP_LOYALTY: true,
  } as Record<string, boolean | number>,
  // The POS at TILL-001 holds what a till uses; the back office, bound to no till, holds every
  // scope that exists (read from the list, so a new scope reaches it on the next seed).
  apiClients: [
    { clientId: "demo-pos", name: "Demo POS (TILL-001)", secret: "demo-pos-secret", till: "TILL-001" as string | null, scopes: POS_SCOPES },
    { clientId: "demo-backoffice", name: "Demo back office", secret: "demo-backoffice-secret", till: null as string | null, scopes: SCOPE_NAMES },
  ],
} as const;
