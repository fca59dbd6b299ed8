import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { GET as getDocs } from "@/app/api/docs/route";
import { GET as getOpenApiJson } from "@/app/api/docs/openapi.json/route";

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, unknown>; "x-scope"?: string; security?: unknown[] }>>;
};

const API_ROOT = join(process.cwd(), "app", "api", "v2");
// The vendor's v1.1 points calls (SPEC-vendor-api §D.1) are described too.
const V11_ROOT = join(process.cwd(), "app", "api", "v1.1");
// And the vendor's v3 webhook calls (§F.2).
const V3_ROOT = join(process.cwd(), "app", "api", "v3");
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every app/api/v2/**\/route.ts as `/v2/...` (and app/api/v1.1 as `/v1.1/...`) with the HTTP methods it exports. */
function routeFiles(): { path: string; methods: string[] }[] {
  return [...walkRoutes(API_ROOT, API_ROOT, "v2"), ...walkRoutes(V11_ROOT, V11_ROOT, "v1.1"), ...walkRoutes(V3_ROOT, V3_ROOT, "v3")];
}

function walkRoutes(dir: string, root: string, prefix: string): { path: string; methods: string[] }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return walkRoutes(full, root, prefix);
    if (entry.name !== "route.ts") return [];
    const segments = relative(root, dir).split(sep).filter(Boolean);
    const path = `/${prefix}/${segments.map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/")}`.replace(/\/$/, "");
    const source = readFileSync(full, "utf8");
    const methods = HTTP_METHODS.filter((m) => new RegExp(`export\\s+(?:const|(?:async\\s+)?function)\\s+${m}\\b`).test(source));
    return [{ path, methods }];
  });
}

async function readDocs(): Promise<Doc> {
  const res = await getDocs(new Request("http://localhost/api/docs"));
  expect(res.status).toBe(200);
  return (await res.json()) as Doc;
}

describe("GET /api/docs", () => {
  it("serves an OpenAPI 3.1 document", async () => {
    const doc = await readDocs();
    expect(doc.openapi).toBe("3.1.0");
  });

  it("describes every method of every app/api/v2 route", async () => {
    const doc = await readDocs();
    const routes = routeFiles();
    expect(routes.length).toBeGreaterThan(0);
    const missing = routes.flatMap(({ path, methods }) =>
      methods.filter((m) => !doc.paths[path]?.[m.toLowerCase()]).map((m) => `${m} ${path}`),
    );
    expect(missing).toEqual([]);
  });

  it("describes nothing that does not exist", async () => {
    const doc = await readDocs();
    const exported = new Set(routeFiles().flatMap(({ path, methods }) => methods.map((m) => `${m.toLowerCase()} ${path}`)));
    const described = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m} ${path}`));
    expect(described.filter((d) => !exported.has(d))).toEqual([]);
  });

  it("gives every operation its errors and the basic-auth requirement", async () => {
    const doc = await readDocs();
    for (const item of Object.values(doc.paths)) {
      for (const op of Object.values(item)) {
        expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["200", "401", "403", "500"]));
        expect(op.security).toEqual([{ basicAuth: [] }]);
      }
    }
    expect(doc.paths["/v2/programs/{id}"]?.get?.responses).toHaveProperty("404");
    expect(doc.paths["/v2/programs"]?.get?.["x-scope"]).toBe("programs:read");
  });

  it("sends a browser to the readable view and tools to the JSON", async () => {
    const browser = await getDocs(new Request("http://localhost/api/docs", { headers: { accept: "text/html,application/xhtml+xml" } }));
    expect(browser.status).toBe(307);
    expect(browser.headers.get("location")).toBe("http://localhost/docs");
    const json = await getOpenApiJson(new Request("http://localhost/api/docs/openapi.json", { headers: { accept: "text/html" } }));
    expect(json.status).toBe(200);
    expect(((await json.json()) as Doc).openapi).toBe("3.1.0");
  });
});
