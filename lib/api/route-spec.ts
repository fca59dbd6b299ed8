import type { z } from "zod";

// The zod schemas a route handler parses with, kept on the handler withApiClient returns, so a
// test can read every route's input shapes from the route modules themselves (the fuzz suite in
// lib/testing/fuzz draws its bodies from them, and lib/api/schema-bounds.test.ts checks their
// string lengths). Nothing at run time reads it.
export type RouteSchemas = { query?: z.ZodType; body?: z.ZodType; params?: z.ZodType; scope?: string };

const SPEC = Symbol.for("loyalty-console.route-schemas");

export function attachRouteSchemas<F extends object>(handler: F, schemas: RouteSchemas): F {
  Object.defineProperty(handler, SPEC, { value: schemas, enumerable: false });
  return handler;
}

/** The schemas of a handler made by withApiClient, or undefined for one that parses nothing itself. */
export function routeSchemasOf(handler: unknown): RouteSchemas | undefined {
  if (typeof handler !== "function") return undefined;
  return (handler as unknown as Record<symbol, RouteSchemas | undefined>)[SPEC];
}
