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
