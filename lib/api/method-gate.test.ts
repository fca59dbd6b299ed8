import { describe, expect, it } from "vitest";
import { methodNotAllowed } from "./method-gate";

// Against the real route files of app/api/v2.
const req = (method: string, headers: Record<string, string> = {}) => new Request("http://localhost/v2/x", { method, headers });

describe("methodNotAllowed", () => {
  it("answers a method the route lacks with 405, Allow and the envelope", async () => {
    const res = methodNotAllowed(req("POST", { "x-request-id": "req-12345678" }), "/programs/7");
    expect(res?.status).toBe(405);
    expect(res?.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(res?.headers.get("x-request-id")).toBe("req-12345678");
    expect(await res?.json()).toEqual({
      warnings: [],
      errors: [{ status: false, code: 405, message: "Operation not supported for the resource: POST is not one of GET, HEAD, OPTIONS." }],
    });
  });

  it("lets through what the route implements, and paths no route serves (the 404 route answers those)", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) expect(methodNotAllowed(req(method), "/programs")).toBeNull();
    expect(methodNotAllowed(req("DELETE"), "/no/such/thing")).toBeNull();
    expect(methodNotAllowed(req("GET"), "/")).toBeNull();
  });

  it("gates the vendor's v1.1 points calls from app/api/v1.1 the same way", () => {
    expect(methodNotAllowed(req("GET"), "/points/redeem", "v1.1")?.headers.get("allow")).toBe("POST, OPTIONS");
    expect(methodNotAllowed(req("POST"), "/points/redeem", "v1.1")).toBeNull();
    expect(methodNotAllowed(req("POST"), "/points/isredeemable", "v1.1")?.status).toBe(405);
  });

  it("gates the vendor's v3 webhook calls from app/api/v3 the same way", () => {
    expect(methodNotAllowed(req("DELETE"), "/webHooks", "v3")?.headers.get("allow")).toBe("POST, OPTIONS");
    expect(methodNotAllowed(req("POST"), "/webHooks", "v3")).toBeNull();
    expect(methodNotAllowed(req("POST"), "/webHooks/7", "v3")?.headers.get("allow")).toBe("PUT, OPTIONS");
    expect(methodNotAllowed(req("PUT"), "/webHooks/7", "v3")).toBeNull();
  });
});
