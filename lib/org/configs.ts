import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "./audit";
import { cachedPerOrg } from "./cache";
import {
  CONFIG_ALIASES,
  CONFIG_KEYS,
  CONFIG_REGISTRY,
  EXCLUSIVE_SWITCHES,
  resolveConfigKey,
  sameConfigValue,
  type ConfigKey,
  type ConfigValue,
  type ConfigValues,
} from "./config-registry";

// The one door to org configs (SPEC §0): every capability reads its flags with getOrgConfig /
// getOrgConfigs, so defaults and validation live in the registry and nowhere else.

type Reader = Pick<Prisma.TransactionClient, "orgConfig">;

export type OrgConfigEntry = {
  key: ConfigKey;
  value: unknown;
  default: unknown;
  isDefault: boolean;
  updatedAt: Date | null;
};

/**
 * Every registry config of the org, typed, with the default where nothing (valid) is stored.
 * Pass the transaction client to read inside a write's transaction.
 */
export async function getOrgConfigs(orgId: number, client: Reader = db): Promise<ConfigValues> {
  const load = async () => {
    const stored = await readStored(client, orgId, CONFIG_KEYS);
    const out: Record<string, unknown> = {};
    for (const key of CONFIG_KEYS) out[key] = effective(key, stored.get(key)?.value);
    return out as ConfigValues;
  };
  // A copy: callers may not share the cached object (lib/org/cache.ts).
  return { ...(await cachedPerOrg(orgId, "configs", load)) };
}

/** One config of the org, typed; its default when unset. Pass the transaction client to read inside one. */
export async function getOrgConfig<K extends ConfigKey>(orgId: number, key: K, client: Reader = db): Promise<ConfigValue<K>> {
  const stored = await readStored(client, orgId, [key]);
  return effective(key, stored.get(key)?.value);
}

/** The configs with their defaults, for the settings screen and the API (registry order). */
export async function listOrgConfigs({ orgId, keys = CONFIG_KEYS }: { orgId: number; keys?: readonly ConfigKey[] }): Promise<OrgConfigEntry[]> {
  const stored = await readStored(db, orgId, keys);
  return keys.map((key) => entryOf(key, effective(key, stored.get(key)?.value), stored.get(key)?.updatedAt ?? null));
}

/**
 * Sets one config: the key (or an alias) must be in the registry and the value must pass its
 * schema; the change and its audit entry (config.update, before/after) share one transaction.
 * Setting the value it already has changes and records nothing.
 */
export async function updateOrgConfig({ orgId, actor, key, value }: { orgId: number; actor: Actor; key: string; value: unknown }): Promise<OrgConfigEntry> {
  const canonicalKey = resolveConfigKey(key);
  if (!canonicalKey) throw new AppError("INVALID", `Unknown config ${key}.`, { field: "key" });
  const def = CONFIG_REGISTRY[canonicalKey];
  const parsed = def.schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const sub = issue?.path.length ? `value.${issue.path.join(".")}` : "value";
    throw new AppError("INVALID", issue?.message ?? "That value is not allowed.", { field: sub });
  }
  const next = parsed.data as unknown;

  return db.$transaction(async (tx) => {
    const partner = exclusivePartner(canonicalKey);
    const stored = await readStored(tx, orgId, partner ? [canonicalKey, partner] : [canonicalKey]);
    const before: unknown = effective(canonicalKey, stored.get(canonicalKey)?.value);
    if (partner && next === true && effective(partner, stored.get(partner)?.value) === true) {
      // Named as people see them on the configs screen (an API caller gets the same words).
      const label = (k: ConfigKey) => `“${CONFIG_REGISTRY[k].label}”`;
      throw new AppError("CONFLICT", `Turn off ${label(partner)} first: it cannot be on together with ${label(canonicalKey)}.`, { field: "value" });
    }
    if (sameConfigValue(before, next)) return entryOf(canonicalKey, before, stored.get(canonicalKey)?.updatedAt ?? null);
    const json = next as Prisma.InputJsonValue;
    const updatedById = actor.kind === "user" ? actor.id : null;
    const row = await tx.orgConfig.upsert({
      where: { orgId_key: { orgId, key: canonicalKey } },
      create: { orgId, key: canonicalKey, value: json, updatedById },
      update: { value: json, updatedById },
      select: { updatedAt: true },
    });
    await recordAudit(tx, { orgId, actor, action: "config.update", entityType: "OrgConfig", entityId: canonicalKey, before: { value: before }, after: { value: next } });
    return entryOf(canonicalKey, next, row.updatedAt);
  });
}

function entryOf(key: ConfigKey, value: unknown, updatedAt: Date | null): OrgConfigEntry {
  const fallback = CONFIG_REGISTRY[key].default;
  return { key, value, default: fallback, isDefault: sameConfigValue(value, fallback), updatedAt };
}

function exclusivePartner(key: ConfigKey): ConfigKey | null {
  for (const [a, b] of EXCLUSIVE_SWITCHES) {
    if (a === key) return b;
    if (b === key) return a;
  }
  return null;
}

/** A stored value that no longer passes its schema (an older release, a hand edit) reads as the default. */
function effective<K extends ConfigKey>(key: K, stored: unknown): ConfigValue<K> {
  const def = CONFIG_REGISTRY[key];
  if (stored !== undefined) {
    const parsed = def.schema.safeParse(stored);
    if (parsed.success) return parsed.data as ConfigValue<K>;
    console.warn(`[configs] stored value of ${key} is invalid; using the default`);
  }
  return def.default as ConfigValue<K>;
}

/** Stored rows by canonical key; a row under an alias counts only when the canonical row is absent. */
async function readStored(client: Reader, orgId: number, keys: readonly ConfigKey[]): Promise<Map<ConfigKey, { value: unknown; updatedAt: Date }>> {
  const aliases = Object.entries(CONFIG_ALIASES).filter(([, target]) => keys.includes(target)).map(([alias]) => alias);
  const rows = await client.orgConfig.findMany({
    where: { orgId, key: { in: [...keys, ...aliases] } },
    select: { key: true, value: true, updatedAt: true },
  });
  const out = new Map<ConfigKey, { value: unknown; updatedAt: Date }>();
  for (const row of rows) {
    const key = resolveConfigKey(row.key);
    if (!key) continue;
    if (row.key === key || !out.has(key)) out.set(key, { value: row.value, updatedAt: row.updatedAt });
  }
  return out;
}
