import { CONFIG_REGISTRY, type ConfigKey } from "./config-registry";

// Client-safe: how the audit log names what happened, in words for people. Entries keep their
// stable machine names (`config.update`, `ExtendedFieldDef`) so filters and exports stay exact;
// only the screen translates. A name missing here still reads as words (humanise), never raw.

const SUBJECTS: Record<string, string> = {
  apiClient: "API client",
  config: "Config",
  extendedField: "Extended field",
  fleetHierarchy: "Fleet hierarchy",
  org: "Organisation",
  program: "Program",
  user: "User",
  workflow: "Workflow",
  zone: "Zone",
  concept: "Concept",
  cardSeries: "Card series",
  store: "Store",
  till: "Till",
};

const VERBS: Record<string, string> = {
  create: "created",
  update: "changed",
  delete: "deleted",
  revoke: "revoked",
  activate: "activated",
  deactivate: "deactivated",
  reactivate: "reactivated",
  role: "role changed",
  password_change: "password changed",
  password_reset: "password reset",
  setMlpType: "program type chosen",
  "entities.add": "entities added",
  saveDraft: "draft saved",
  discardDraft: "draft discarded",
  restore: "version restored to the draft",
  publish: "published",
  requestPublish: "publish requested",
  approvePublish: "publish approved",
  rejectPublish: "publish rejected",
  rateLimit: "rate limit changed",
  adjust: "adjusted",
};

const ENTITIES: Record<string, string> = {
  ApiClient: "API client",
  ExtendedFieldDef: "Extended field",
  FleetHierarchy: "Fleet hierarchy",
  Org: "Organisation",
  OrgConfig: "Config",
  Program: "Program",
  User: "User",
  WorkflowPublishRequest: "Publish request",
  Zone: "Zone",
  Concept: "Concept",
  CardSeries: "Card series",
  Store: "Store",
  Till: "Till",
  ZONE: "Zone",
  CONCEPT: "Concept",
  CARD_SERIES: "Card series",
};

const FIELDS: Record<string, string> = {
  value: "Value",
  mustChangePassword: "Must choose a new password",
  isDefault: "Default program",
  active: "Active",
  revokedAt: "Revoked at",
  lastUsedAt: "Last used",
  tillId: "Till",
  programId: "Program",
  mlpType: "Program type",
  entityIds: "Entities",
  maxChild: "Most children",
  childRoleCode: "Child role",
  allowedValues: "Allowed values",
  dataType: "Data type",
  pointsToCurrencyRatio: "Points to currency ratio",
  rateLimitPerMinute: "Requests per minute (0: no limit)",
};

/** "API client revoked", "Config changed", "User password reset". */
export function auditActionLabel(action: string): string {
  const dot = action.indexOf(".");
  if (dot < 0) return humanise(action);
  const subject = action.slice(0, dot);
  const verb = action.slice(dot + 1);
  return `${SUBJECTS[subject] ?? humanise(subject)} ${VERBS[verb] ?? humanise(verb).toLowerCase()}`;
}

/** "Extended field", "Config". */
export function auditEntityLabel(entityType: string): string {
  return ENTITIES[entityType] ?? humanise(entityType);
}

/** What the entity is called in the entry's row: a config by its label, anything else by its id. */
export function auditEntityName(entityType: string, entityId: string): string {
  if (entityType === "OrgConfig" && entityId in CONFIG_REGISTRY) return CONFIG_REGISTRY[entityId as ConfigKey].label;
  return `#${entityId}`;
}

/** A field of a before/after snapshot: "Must choose a new password", "Allowed values". */
export function auditFieldLabel(key: string): string {
  return FIELDS[key] ?? humanise(key);
}

/**
 * A value as people read it: yes/no, lists joined, small objects as "key: value" pairs, never a
 * JSON blob with quotes and braces.
 */
export function auditValueText(value: unknown): string {
  if (value === undefined || value === null) return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string") return value === "" ? "(empty)" : value;
  if (typeof value === "number") return value.toLocaleString("en-US");
  if (Array.isArray(value)) return value.length === 0 ? "(none)" : value.map(auditValueText).join(", ");
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return "(none)";
    return entries.map(([k, v]) => `${auditFieldLabel(k)}: ${typeof v === "object" && v !== null && !Array.isArray(v) ? `(${auditValueText(v)})` : auditValueText(v)}`).join("; ");
  }
  return String(value);
}

/** "setMlpType" → "Set mlp type", "CARD_SERIES" → "Card series", "ExtendedFieldDef" → "Extended field def". */
export function humanise(name: string): string {
  const words = name
    .replace(/[_.]+/g, " ")
    .replace(/([a-z\d])([A-Z])/g, "$1 $2")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
