import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

// The org's setup (configs, programs and their mappings, declared fields, strategies, LIVE
// workflow heads, tiers, webhook subscriptions) is read by every API call and changes rarely. Each
// app instance keeps a copy per org, keyed by the org's `cacheVersion`, which triggers bump on any
// change to those tables (migration org_cache_version). An API request reads the version with its
// API client (one query it makes anyway), so a change takes effect on every instance at the next
// request, with no time-to-live and no messages between instances.
//
// Outside an API request (console pages, jobs, tests calling lib/ directly) nothing is cached.
// A loaded value is at least as new as the version it is filed under (the version is read first),
// so a reader never sees setup older than the version it read.

type Scope = { orgId: number; version: bigint };
type Entry = { version: bigint; values: Map<string, Promise<unknown>> };

const requestScope = new AsyncLocalStorage<Scope>();
const entries = new Map<number, Entry>();
const MAX_ORGS = 1_000;

/** Runs `fn` with the org's setup version of this request, so per-org loaders inside may cache. */
export function withOrgCacheVersion<T>(orgId: number, version: bigint, fn: () => Promise<T>): Promise<T> {
  return requestScope.run({ orgId, version }, fn);
}

/**
 * `load()`'s value for this org and key, shared by the requests that read the same setup version.
 * `load` must read only the org's setup (through the app's client, or the request's own
 * transaction when it runs inside one: on PGlite another connection would wait for that
 * transaction), and callers must not change its value.
 */
export function cachedPerOrg<T>(orgId: number, key: string, load: () => Promise<T>): Promise<T> {
  const scope = requestScope.getStore();
  if (!scope || scope.orgId !== orgId) return load();
  let entry = entries.get(orgId);
  if (!entry || entry.version !== scope.version) {
    // A request that read an older version than the cached one (it began before a change) loads
    // afresh without replacing the newer copy.
    if (entry && entry.version > scope.version) return load();
    entry = { version: scope.version, values: new Map() };
    if (entries.size >= MAX_ORGS) entries.delete(entries.keys().next().value as number);
    entries.set(orgId, entry);
  }
  const values = entry.values;
  let value = values.get(key) as Promise<T> | undefined;
  if (!value) {
    value = load();
    values.set(key, value);
    // A failed read is not remembered.
    value.catch(() => values.delete(key));
  }
  return value;
}
