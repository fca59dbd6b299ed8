import { z } from "zod";

// Server-side paging and sorting, shared by list pages (?page=2&sort=name&dir=desc) and the API.
export const PAGE_SIZE = 20;

export function listQuerySchema<const S extends readonly [string, ...string[]]>(sortable: S, defaultSort: S[number]) {
  return z.object({
    page: z.coerce.number().int().min(1).catch(1),
    sort: z.enum(sortable).catch(defaultSort),
    dir: z.enum(["asc", "desc"]).catch("asc"),
    q: z.string().trim().max(100).optional().catch(undefined),
  });
}

export type Page<T> = { rows: T[]; total: number; page: number; pageSize: number; pageCount: number };

export function pageOf<T>(rows: T[], total: number, page: number, pageSize = PAGE_SIZE): Page<T> {
  return { rows, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

export function skipFor(page: number, pageSize = PAGE_SIZE): number {
  return (page - 1) * pageSize;
}

export type SortDir = "asc" | "desc";
export type SearchParamsRecord = Record<string, string | string[] | undefined>;

/** Where one table keeps its page and sort in the URL; `key` names it when a page has two (`?membersPage=2`). */
export type TableUrl = { path: string; params: SearchParamsRecord; key?: string | undefined };

export function tableParamNames(key?: string) {
  return key ? { page: `${key}Page`, sort: `${key}Sort`, dir: `${key}Dir` } : { page: "page", sort: "sort", dir: "dir" };
}

/**
 * Reads one table's page and sort from the URL (unknown sorts fall back to the default, so a
 * stale or typed link never fails). The data table writes the same names back into its links.
 */
export function tableQuery<const S extends readonly [string, ...string[]]>(
  params: SearchParamsRecord,
  { sortable, defaultSort, defaultDir = "asc", key }: { sortable: S; defaultSort: S[number]; defaultDir?: SortDir; key?: string },
): { page: number; sort: S[number]; dir: SortDir } {
  const names = tableParamNames(key);
  const one = (name: string) => {
    const v = params[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const schema = z.object({
    page: z.coerce.number().int().min(1).catch(1),
    sort: z.enum(sortable).catch(defaultSort),
    dir: z.enum(["asc", "desc"]).catch(defaultDir),
  });
  return schema.parse({ page: one(names.page), sort: one(names.sort) ?? defaultSort, dir: one(names.dir) ?? defaultDir });
}

/** The URL of the same page with this table's page or sort changed, every other parameter kept. */
export function tableHref(url: TableUrl, next: { page?: number; sort?: string; dir?: SortDir }): string {
  const names = tableParamNames(url.key);
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(url.params)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) query.append(k, one);
  }
  if (next.sort !== undefined) {
    query.set(names.sort, next.sort);
    query.set(names.dir, next.dir ?? "asc");
    // A new order starts again at its first page.
    query.delete(names.page);
  }
  if (next.page !== undefined) {
    if (next.page > 1) query.set(names.page, String(next.page));
    else query.delete(names.page);
  }
  const text = query.toString();
  return text ? `${url.path}?${text}` : url.path;
}
