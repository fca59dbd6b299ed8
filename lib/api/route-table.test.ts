import path from "node:path";
import { describe, expect, it } from "vitest";
import { allowedMethods, exportedMethods, HTTP_METHODS, matchRoute, scanApiRoutes } from "./route-table";

describe("exportedMethods", () => {
  it("reads every way a route file exports its handlers", () => {
    expect(exportedMethods(`export const GET = withApiClient({}, h);\nexport async function POST() {}`)).toEqual(["GET", "POST"]);
    expect(exportedMethods(`export function DELETE() {}\nexport let PATCH = x;`)).toEqual(["PATCH", "DELETE"]);
    expect(exportedMethods(`export { handler as GET, handler as PUT, helper };`)).toEqual(["GET", "PUT"]);
    expect(exportedMethods(`export const { GET, POST: create } = routes;`)).toEqual(["GET"]);
    expect(exportedMethods(`export const { get: POST } = routes;`)).toEqual(["POST"]);
  });

  it("ignores names that only look like methods", () => {
    expect(exportedMethods(`const GET = 1; export const GETTER = 2; // export const POST\n/* export function PUT() {} */`)).toEqual([]);
  });
});

describe("matchRoute", () => {
  const routes = [
    { file: "a", segments: [{ kind: "static" as const, name: "programs" }], methods: ["GET" as const] },
    { file: "b", segments: [{ kind: "static" as const, name: "programs" }, { kind: "dynamic" as const }], methods: ["GET" as const] },
    { file: "c", segments: [{ kind: "static" as const, name: "programs" }, { kind: "static" as const, name: "new" }], methods: ["POST" as const] },
    { file: "z", segments: [{ kind: "catchAll" as const, optional: true }], methods: ["GET" as const, "POST" as const] },
  ];
  it("prefers static segments, then dynamic ones, then the catch-all, as Next.js does", () => {
    expect(matchRoute(routes, ["programs"])?.file).toBe("a");
    expect(matchRoute(routes, ["programs", "7"])?.file).toBe("b");
    expect(matchRoute(routes, ["programs", "new"])?.file).toBe("c");
    expect(matchRoute(routes, ["programs", "7", "tiers"])?.file).toBe("z");
    expect(matchRoute(routes, [])?.file).toBe("z");
    expect(matchRoute(routes.slice(0, 3), ["nothing"])).toBeNull();
  });

  it("allows HEAD with GET, and always OPTIONS", () => {
    expect(allowedMethods(routes[0]!)).toEqual(["GET", "HEAD", "OPTIONS"]);
    expect(allowedMethods(routes[2]!)).toEqual(["POST", "OPTIONS"]);
  });
});

describe("scanApiRoutes", () => {
  it("reads the methods each real /v2 route module exports", async () => {
    const routes = scanApiRoutes();
    expect(routes.length).toBeGreaterThan(2);
    for (const route of routes) {
      const mod = (await import(/* @vite-ignore */ path.join(process.cwd(), route.file))) as Record<string, unknown>;
      const actual = HTTP_METHODS.filter((m) => typeof mod[m] === "function");
      expect({ file: route.file, methods: route.methods }).toEqual({ file: route.file, methods: actual });
    }
    // Importing every route module (and what they import) takes a while on a busy machine.
  }, 120_000);
});
