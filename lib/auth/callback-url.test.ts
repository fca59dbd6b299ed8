import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it("returns to a console path after sign-in", () => {
    expect(safeCallbackUrl("/settings/users")).toBe("/settings/users");
  });

  it("refuses other sites and odd paths (no open redirect)", () => {
    for (const bad of ["https://evil.test", "//evil.test", "/\\evil.test", "/login", "/api/v2/programs", "", undefined]) {
      expect(safeCallbackUrl(bad)).toBe("/programs");
    }
  });
});
