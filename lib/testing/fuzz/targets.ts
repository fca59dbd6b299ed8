import { readdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { scanApiRoutes } from "@/lib/api/route-table";
import { routeSchemasOf } from "@/lib/api/route-spec";
import type { JsonSchema } from "./arbitrary";
import type { RouteShape } from "./hostile";

// Every API route and method the app serves, read from app/api/v<version> (v2, v1.1 and any
// version added later) through the route table, with the zod schemas its handler parses with.
// A new route file is fuzzed as soon as it exists.

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[] | undefined>> }) => Promise<Response>;
/** `parses`: the handler is withApiClient's (it reads the client, and maybe a body); false for the unknown-path 404s. */
export type FuzzTarget = { label: string; file: string; method: string; handler: Handler; shape: RouteShape; parses: boolean };

const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function apiVersionDirs(root = process.cwd()): string[] {
  return readdirSync(path.join(root, "app", "api"))
    .filter((d) => /^v\d+(\.\d+)?$/.test(d))
    .sort()
    .map((d) => path.join("app", "api", d));
}

export async function fuzzTargets(root = process.cwd()): Promise<FuzzTarget[]> {
  const targets: FuzzTarget[] = [];
  for (const dir of apiVersionDirs(root)) {
    for (const route of scanApiRoutes(root, dir)) {
      const mod = (await import(path.resolve(root, route.file))) as Record<string, Handler>;
      for (const method of route.methods) {
        const handler = mod[method];
        if (!handler) continue;
        const schemas = routeSchemasOf(handler);
        targets.push({
          label: `${method} ${urlPathOf(route.file)}`,
          file: route.file,
          method,
          handler,
          parses: schemas !== undefined,
          shape: { params: jsonSchemaOf(schemas?.params), query: jsonSchemaOf(schemas?.query), body: jsonSchemaOf(schemas?.body), sendsBody: BODY_METHODS.has(method) },
        });
      }
    }
  }
  return targets.sort((a, b) => a.label.localeCompare(b.label));
}

/** Route files spread over `of` test files, round-robin, so Vitest runs them side by side. */
export function shardOf<T>(items: T[], shard: number, of: number): T[] {
  return items.filter((_, i) => i % of === shard - 1);
}

/** `/v2/customers/[id]/points` for app/api/v2/customers/[id]/points/route.ts. */
export function urlPathOf(file: string): string {
  return `/${path.dirname(file).split(path.sep).slice(2).join("/")}`;
}

/** The URL of one request: dynamic segments filled from the (fuzzed) path values. */
export function requestUrl(file: string, params: Record<string, string>, query: [string, string][]): string {
  const pathname = urlPathOf(file)
    .split("/")
    .map((segment) => {
      const dynamic = /^\[\[?(?:\.\.\.)?([^\]]+)\]?\]$/.exec(segment);
      if (!dynamic) return segment;
      return encodeURIComponent(params[dynamic[1]!] ?? "fuzz");
    })
    .join("/");
  const search = new URLSearchParams(query).toString();
  return `http://localhost/api${pathname}${search ? `?${search}` : ""}`;
}

function jsonSchemaOf(schema: z.ZodType | undefined): JsonSchema | undefined {
  return schema ? (z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema) : undefined;
}
