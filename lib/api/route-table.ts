import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// Which methods each /v2 route implements, read from the route files themselves, so the proxy
// can answer a wrong method with 405 in the error envelope and an Allow header (Next.js answers
// it with an empty body and no Allow). Nothing to register: a new app/api/v2/**/route.ts is
// picked up as it is written. lib/api/route-table.test.ts checks the reading against the real
// modules' exports.

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

type Segment = { kind: "static"; name: string } | { kind: "dynamic" } | { kind: "catchAll"; optional: boolean };
export type ApiRoute = { file: string; segments: Segment[]; methods: HttpMethod[] };

export const API_DIR = path.join("app", "api", "v2");
/** The vendor's v1.1 points calls (SPEC-vendor-api §D.1), served at /v1.1/…. */
export const API_V11_DIR = path.join("app", "api", "v1.1");
/** The vendor's v3 webhook calls (SPEC-vendor-api §F.2), served at /v3/…. */
export const API_V3_DIR = path.join("app", "api", "v3");
const METHOD = "(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)";

/** Every route under app/api/v2 (or another API directory) with the methods its file exports. */
export function scanApiRoutes(root = process.cwd(), dir = API_DIR): ApiRoute[] {
  const base = path.join(root, dir);
  const routes: ApiRoute[] = [];
  const walk = (dir: string, segments: Segment[]) => {
    for (const entry of readdirSync(dir).sort()) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) {
        // Route groups "(x)", parallel slots "@x" and private folders "_x" add no URL segment.
        const segment = segmentOf(entry);
        if (segment !== "skip") walk(full, segment ? [...segments, segment] : segments);
      } else if (/^route\.(ts|tsx|js|mjs)$/.test(entry)) {
        routes.push({ file: path.relative(root, full), segments, methods: exportedMethods(readFileSync(full, "utf8")) });
      }
    }
  };
  walk(base, []);
  return routes;
}

function segmentOf(entry: string): Segment | null | "skip" {
  if (entry.startsWith("_")) return "skip";
  if (/^\(.*\)$/.test(entry) || entry.startsWith("@")) return null;
  if (/^\[\[\.\.\..+\]\]$/.test(entry)) return { kind: "catchAll", optional: true };
  if (/^\[\.\.\..+\]$/.test(entry)) return { kind: "catchAll", optional: false };
  if (/^\[.+\]$/.test(entry)) return { kind: "dynamic" };
  return { kind: "static", name: entry };
}

/** The HTTP methods a route file exports: `export const GET`, `export async function POST`, `export { GET, PUT }`, `export const { GET } = …`. */
export function exportedMethods(text: string): HttpMethod[] {
  // Comments out first (a commented-out export is not one); `://` in a URL is not a comment.
  const source = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");
  const found = new Set<string>();
  for (const m of source.matchAll(new RegExp(`export\\s+(?:async\\s+)?function\\s*\\*?\\s*${METHOD}\\b`, "g"))) found.add(m[1]!);
  for (const m of source.matchAll(new RegExp(`export\\s+(?:const|let|var)\\s+${METHOD}\\b`, "g"))) found.add(m[1]!);
  for (const m of source.matchAll(/export\s+(?:(?:const|let|var)\s*)?\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(",")) {
      // `GET`, `handler as GET`, and in a destructuring `GET` or `get: GET`.
      const name = part.trim().split(/\s+as\s+|:/).pop()?.trim();
      if (name && (HTTP_METHODS as readonly string[]).includes(name)) found.add(name);
    }
  }
  return HTTP_METHODS.filter((m) => found.has(m));
}

/**
 * The route Next.js would pick for a path under /v2 (segments after "v2"): static segments win
 * over dynamic ones, dynamic over catch-alls, as in the App Router.
 */
export function matchRoute(routes: ApiRoute[], pathSegments: string[]): ApiRoute | null {
  let best: { route: ApiRoute; rank: number[] } | null = null;
  for (const route of routes) {
    const rank = rankMatch(route.segments, pathSegments);
    if (rank && (!best || compareRanks(rank, best.rank) < 0)) best = { route, rank };
  }
  return best?.route ?? null;
}

// Lower is more specific, per segment: 0 static, 1 dynamic, 2 catch-all, 3 optional catch-all.
function rankMatch(segments: Segment[], parts: string[]): number[] | null {
  const rank: number[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment.kind === "catchAll") {
      if (parts.length - i < (segment.optional ? 0 : 1)) return null;
      rank.push(segment.optional ? 3 : 2);
      return rank;
    }
    const part = parts[i];
    if (part === undefined) return null;
    if (segment.kind === "static" && segment.name !== part) return null;
    rank.push(segment.kind === "static" ? 0 : 1);
  }
  return parts.length === segments.length ? rank : null;
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return b.length - a.length;
}

/** The Allow header of a route: what it exports, HEAD with GET, and OPTIONS (Next.js adds both). */
export function allowedMethods(route: ApiRoute): HttpMethod[] {
  const allowed = new Set<HttpMethod>([...route.methods, "OPTIONS"]);
  if (allowed.has("GET")) allowed.add("HEAD");
  return HTTP_METHODS.filter((m) => allowed.has(m));
}
