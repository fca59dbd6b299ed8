import { describe, expect, it } from "vitest";
import { can } from "./permissions";

describe("role matrix", () => {
  it("lets every role read programs", () => {
    for (const role of ["ADMIN", "PROGRAM_MANAGER", "MEMBER_CARE", "VIEWER"] as const) expect(can(role, "programs:read")).toBe(true);
  });

  it("lets only admins and program managers change programs", () => {
    expect(can("ADMIN", "programs:write")).toBe(true);
    expect(can("PROGRAM_MANAGER", "programs:write")).toBe(true);
    expect(can("MEMBER_CARE", "programs:write")).toBe(false);
    expect(can("VIEWER", "programs:write")).toBe(false);
  });

  it("keeps users and settings changes for admins", () => {
    expect(can("ADMIN", "users:manage")).toBe(true);
    expect(can("PROGRAM_MANAGER", "users:manage")).toBe(false);
    expect(can("PROGRAM_MANAGER", "settings:read")).toBe(true);
    expect(can("PROGRAM_MANAGER", "settings:write")).toBe(false);
    expect(can("VIEWER", "settings:read")).toBe(false);
  });
});
