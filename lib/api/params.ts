import { z } from "zod";

// Shapes every /v2 route shares for path and query parameters, so each says one clear thing per
// field whatever is wrong with it (not zod's raw "<=9007199254740991" and a regex message).

/** Ids exposed to external systems are PostgreSQL integers (DESIGN.md §3). */
export const MAX_ID = 2_147_483_647;

/** A numeric id in the path or query, e.g. `idParam("program")` for /v2/programs/{id}. */
export function idParam(what: string) {
  const message = `must be a ${what} id: a whole number from 1 to ${MAX_ID}`;
  return z
    .string()
    .regex(/^[1-9]\d{0,9}$/, message)
    .transform(Number)
    .refine((n) => n <= MAX_ID, message);
}

/** A whole-number query parameter (`?limit=10`): "abc", "1.5" and "-1" below `min` are refused. */
export function intQuery(min: number, max: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z
    .string()
    .regex(/^-?\d{1,10}$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message);
}

/**
 * Paging for list routes: `?limit=&offset=` as the vendor's list APIs take them. Spread into a
 * route's query schema: `z.object({ ...pageQuery({ defaultLimit: 20, maxLimit: 100 }), q: … })`.
 */
export function pageQuery({ defaultLimit = 20, maxLimit = 100 }: { defaultLimit?: number; maxLimit?: number } = {}) {
  return {
    limit: intQuery(1, maxLimit).optional().transform((v) => v ?? defaultLimit),
    offset: intQuery(0, 1_000_000_000).optional().transform((v) => v ?? 0),
  };
}

/**
 * Checked on every route, whether or not its schema pages: a client sending `?limit=abc` is told,
 * not silently served something else. A route that declares these keys itself has its own rules.
 */
const wholeNumber = z.string().regex(/^-?\d{1,10}$/, "must be a whole number");
export const SHARED_QUERY_CHECKS = z.object({ limit: wholeNumber.optional(), offset: wholeNumber.optional() });
