import { z } from "zod";
import { SINGLE_ROLLING_EXPIRY_DEFAULT, singleRollingExpirySchema } from "./rolling-expiry-schema";

// Every organisation config of SPEC §0, typed. Client-safe (no Prisma): the configs screen renders
// its controls and validates on the client with the same schemas lib/org/configs.ts applies on
// write. Keys are the vendor's, spelling included (IS_HEIRARCHY_STRICT), so documentation and
// integrations can be read side by side.

export const CONFIG_AREAS = ["User groups", "Fleet", "Redemption", "Points & expiry", "Workflows", "Event notifications"] as const;
export type ConfigArea = (typeof CONFIG_AREAS)[number];

export type ConfigType = "boolean" | "integer" | "enum" | "object";

type Def<S extends z.ZodType> = {
  area: ConfigArea;
  type: ConfigType;
  label: string;
  description: string;
  /** For developers only, never shown: where ours differs from the vendor, or a choice the docs leave open. */
  notes?: string;
  schema: S;
  default: z.output<S>;
  /** For enums: the values and what they mean. */
  options?: readonly { value: string; label: string }[];
  /** Settings with a screen of their own (the configs screen links there). */
  managedAt?: string;
};

const def = <S extends z.ZodType>(d: Def<S>): Def<S> => d;

const boolean = z.boolean({ message: "Choose on or off." });

const WHOLE = "Enter a whole number.";
/** A positive whole number; the number input sends text, the API a number. */
function positiveInt(max: number, what: string) {
  return z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v),
    z.number({ message: WHOLE }).int(WHOLE).min(1, `${what} must be at least 1.`).max(max, `${what} can be at most ${max.toLocaleString("en-US")}.`),
  );
}

export const FLEET_GROUP_SIZE_LIMIT = 30_000;

export const CONFIG_REGISTRY = {
  CONF_USER_GROUP_ENABLED: def({
    area: "User groups", type: "boolean", schema: boolean, default: false, label: "User groups",
    description: "Master switch: must be on for any user-group feature. Members may belong to several groups; their default group is the one used for group transactions.",
  }),
  CONF_USER_GROUP_SIZE: def({
    area: "User groups", type: "integer", schema: positiveInt(FLEET_GROUP_SIZE_LIMIT, "The group size"), default: 5, label: "Members per group",
    description: "Member cap per group, primary member included: a cap of 5 allows 1 primary + 4 secondary members; a 6th join is declined.",
    notes: "The vendor documents no default; ours is 5, the documentation's example.",
  }),
  CONF_USER_GROUP_OTP_ENABLE: def({
    area: "User groups", type: "boolean", schema: boolean, default: false, label: "OTP for joins and leaves",
    description: "Every join and leave requires an OTP, for every member.",
  }),
  ENABLE_USER_GROUP_LOYALTY: def({
    area: "User groups", type: "boolean", schema: boolean, default: false, label: "Group view in Member Care",
    description: "Shows the Group view in Member Care: the search drop-down gains “Groups”.",
  }),
  CONF_DISABLE_GROUP_DEACTIVATION_ON_PRIMARY_MEMBER_EXIT: def({
    area: "User groups", type: "boolean", schema: boolean, default: false, label: "Keep group active when the primary leaves",
    description: "Keeps the group ACTIVE when the primary member leaves (by default the group goes inactive).",
  }),
  CONF_MAX_FLEET_GROUP_SIZE: def({
    area: "Fleet", type: "integer", schema: positiveInt(FLEET_GROUP_SIZE_LIMIT, "The maximum group size"), default: FLEET_GROUP_SIZE_LIMIT, label: "Maximum group size",
    description: "Upper bound for a group's maxGroupSize on create and update. 30,000 when unset.",
    notes: "We allow 1 to 30,000: the vendor's default is also the largest size it documents.",
  }),
  IS_HEIRARCHY_STRICT: def({
    area: "Fleet", type: "boolean", schema: boolean, default: false, label: "Strict hierarchy",
    description: "The role sequence is enforced exactly: intermediate roles cannot be skipped. Cannot be on together with “Skipping roles allowed”.",
  }),
  IS_SKIP_ROLE_ALLOWED: def({
    area: "Fleet", type: "boolean", schema: boolean, default: false, label: "Skipping roles allowed",
    description: "Intermediate roles may be bypassed (e.g. an Owner linked directly to a Driver). Cannot be on together with “Strict hierarchy”.",
  }),
  GROUP_CREATION_ENABLED: def({
    area: "Fleet", type: "boolean", schema: boolean, default: false, label: "Create groups on role assignment",
    description: "A group is created automatically when a user is assigned a hierarchy role.",
  }),
  FLEET_GROUP_LOYALTY_ENABLED: def({
    area: "Fleet", type: "boolean", schema: boolean, default: false, label: "Fleet group loyalty",
    description: "Turns on fleet-specific earning and expiry logic for fleet (business) groups.",
  }),
  FLEET_ENTITY_TYPE: def({
    area: "Fleet", type: "enum", default: "USERGROUP", label: "Fleet entity type",
    schema: z.enum(["USERGROUP", "FLEET_COMPANY"], { message: "Choose one of the listed entity types." }),
    options: [
      { value: "USERGROUP", label: "User group" },
      { value: "FLEET_COMPANY", label: "Fleet company" },
    ],
    description: "The entity type used for fleet group loyalty. Set together with Fleet group loyalty, it activates expiry logic for fleet group users.",
    notes: "The vendor does not list the values; ours are the two fleet entities of our data model.",
  }),
  ENABLE_FLEET_LOYALTY: def({
    area: "Fleet", type: "boolean", schema: boolean, default: false, label: "Fleet loyalty",
    description: "Fleet loyalty features such as expiry for group users.",
  }),
  ENABLE_GROUP_PROGRAMS_REDEMPTION: def({
    area: "Redemption", type: "boolean", schema: boolean, default: false, label: "Group and cross-program redemption",
    description: "Group and cross-program redemption in multi-loyalty-program orgs. Without it, group-level redemption fails whatever the member's permissions. Not needed in single-program orgs.",
    notes: "The vendor takes about 24 h to apply a change; ours applies at once. Also accepted as ENABLE_GROUP_PROGRAM_REDEMPTION (a spelling some vendor pages use); stored under this name.",
  }),
  CONF_ENABLE_GROUP_POINTS_BY_PROGRAM: def({
    area: "Redemption", type: "boolean", schema: boolean, default: false, label: "Group wallet per program",
    description: "Keeps group points in a separate wallet per program; redemptions draw from that program's wallet. Transaction API responses also group points by program id.",
  }),
  ENABLE_CROSS_MEMBER_REDEMPTION: def({
    area: "Redemption", type: "boolean", schema: boolean, default: false, label: "Cross-member redemption",
    description: "A user-group member's redemption draws from the combined balance of all active members, first-expiring points first.",
  }),
  Allow_points_redemption_reversal: def({
    area: "Redemption", type: "boolean", schema: boolean, default: false, label: "Redemption reversal",
    description: "Lets API clients reverse a redemption (POST /v2/points/reverse), giving its points back to the lots they came from. Off: a reversal is refused with 905.",
    notes: "The vendor's EMF config, spelled as SPEC-vendor-api §D.2 spells it; off unless turned on, as the vendor's reversal “needs” it. The vendor answers 905 as a warning; with nothing reversed we answer it as a 403 error.",
  }),
  POINTS_TRANSFER_OTP_WAIVED_FOR_TRUSTED_CLIENTS: def({
    area: "Redemption", type: "boolean", schema: boolean, default: false, label: "No OTP for trusted API clients' transfers",
    description: "Customer-to-customer transfers from an API client an admin marked as trusted (Settings → API clients) need no OTP. Every other client still sends the code.",
    notes: "Our own setting: the vendor always requires the OTP (\"you cannot transfer points without OTP\").",
  }),
  ROLLING_EXPIRY_INCLUDE_ZERO_POINTS: def({
    area: "Points & expiry", type: "boolean", schema: boolean, default: false, label: "Zero-point events roll expiry",
    description: "Events that award 0 points still count as rolling events.",
  }),
  SINGLE_ROLLING_EXPIRY: def({
    area: "Points & expiry", type: "object", schema: singleRollingExpirySchema, default: SINGLE_ROLLING_EXPIRY_DEFAULT, label: "Single Rolling Expiry",
    description: "Rolls points across programs: a rolling period that overrides the rolling-expiry conditions' duration, and the events that roll points. Only points awarded under a rolling expiry condition roll.",
    managedAt: "/settings/points",
  }),
  CONF_DEFAULT_POINTS_ON_TRANSACTION: def({
    area: "Points & expiry", type: "boolean", schema: boolean, default: false, label: "Default points without a workflow",
    description: "A program with no live workflow awards the default rate on every transaction, to the member's wallet and to their default group's wallet (the usual starting point). A live workflow replaces it; mutually exclusive conditions then send a bill to one wallet only.",
    notes: "Our own switch: the vendor describes the default but not how it is configured.",
  }),
  CONF_DEFAULT_POINTS_PERCENT: def({
    area: "Points & expiry", type: "integer", schema: positiveInt(100, "The default rate"), default: 1, label: "Default points rate (%)",
    description: "Points per 100 of bill value under the default above, rounded down.",
  }),
  WORKFLOW_MAKER_CHECKER: def({
    area: "Workflows", type: "boolean", schema: boolean, default: false, label: "Maker-checker for workflow publishing",
    description: "A program manager's Publish changes becomes a request that an admin other than the requester approves or rejects; the LIVE version keeps running meanwhile. Admins publish directly.",
    notes: "Our own setting, modelled on the maker-checker flow of the vendor's loyalty-promotions UI.",
  }),
  WEBHOOK_ALLOW_PRIVATE_TARGETS: def({
    area: "Event notifications", type: "boolean", schema: boolean, default: false, label: "Webhooks may call private addresses",
    description: "Off: webhook URLs on loopback, link-local or private networks (127.0.0.1, 10.x, 192.168.x, …) are refused, so a subscription cannot probe the console's own network. Turn on only for a receiver inside your network.",
    notes: "Our own setting (the vendor documents no target restrictions).",
  }),
};

export type ConfigRegistry = typeof CONFIG_REGISTRY;
export type ConfigKey = keyof ConfigRegistry;
export type ConfigValue<K extends ConfigKey> = z.output<ConfigRegistry[K]["schema"]>;
export type ConfigValues = { [K in ConfigKey]: ConfigValue<K> };

export const CONFIG_KEYS = Object.keys(CONFIG_REGISTRY) as ConfigKey[];

/** Other spellings accepted on read and write ([CONFLICT] in SPEC §0); we store the canonical key. */
export const CONFIG_ALIASES: Readonly<Record<string, ConfigKey>> = {
  ENABLE_GROUP_PROGRAM_REDEMPTION: "ENABLE_GROUP_PROGRAMS_REDEMPTION",
};

export function isConfigKey(key: string): key is ConfigKey {
  return Object.hasOwn(CONFIG_REGISTRY, key);
}

/** The canonical key for a key or one of its aliases; null when the registry does not know it. */
export function resolveConfigKey(key: string): ConfigKey | null {
  if (isConfigKey(key)) return key;
  return Object.hasOwn(CONFIG_ALIASES, key) ? (CONFIG_ALIASES[key] ?? null) : null;
}

export function configDef<K extends ConfigKey>(key: K): ConfigRegistry[K] {
  return CONFIG_REGISTRY[key];
}

/** Pairs of switches that contradict each other when both are on. */
export const EXCLUSIVE_SWITCHES: readonly (readonly [ConfigKey, ConfigKey])[] = [["IS_HEIRARCHY_STRICT", "IS_SKIP_ROLE_ALLOWED"]];

/** Structural equality of two JSON values (a value equal to the default shows the "default" badge). */
export function sameConfigValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}
