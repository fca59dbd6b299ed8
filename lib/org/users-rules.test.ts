import { describe, expect, it } from "vitest";
import { userChangeRefusal } from "./users-rules";

const admin = { id: 1, role: "ADMIN" as const, active: true };
const manager = { id: 2, role: "PROGRAM_MANAGER" as const, active: true };

describe("userChangeRefusal", () => {
  it("refuses an admin deactivating themselves", () => {
    expect(userChangeRefusal({ actorId: 1, target: admin, change: { kind: "active", active: false }, otherActiveAdmins: 3 })).toMatch(
      /cannot deactivate yourself/,
    );
  });

  it("refuses an admin demoting themselves, even with other admins", () => {
    expect(userChangeRefusal({ actorId: 1, target: admin, change: { kind: "role", role: "VIEWER" }, otherActiveAdmins: 2 })).toMatch(
      /cannot remove your own admin role/,
    );
  });

  it("refuses removing the last active admin by demotion or deactivation", () => {
    for (const change of [{ kind: "role", role: "VIEWER" }, { kind: "active", active: false }] as const) {
      expect(userChangeRefusal({ actorId: 9, target: admin, change, otherActiveAdmins: 0 })).toMatch(/at least one active admin/);
    }
  });

  it("allows demoting or deactivating another admin while one stays", () => {
    expect(userChangeRefusal({ actorId: 9, target: admin, change: { kind: "role", role: "VIEWER" }, otherActiveAdmins: 1 })).toBeNull();
    expect(userChangeRefusal({ actorId: 9, target: admin, change: { kind: "active", active: false }, otherActiveAdmins: 1 })).toBeNull();
  });

  it("allows ordinary changes to non-admins and reactivation", () => {
    expect(userChangeRefusal({ actorId: 1, target: manager, change: { kind: "role", role: "ADMIN" }, otherActiveAdmins: 1 })).toBeNull();
    expect(userChangeRefusal({ actorId: 1, target: manager, change: { kind: "active", active: false }, otherActiveAdmins: 1 })).toBeNull();
    expect(
      userChangeRefusal({ actorId: 1, target: { ...admin, id: 5, active: false }, change: { kind: "active", active: true }, otherActiveAdmins: 0 }),
    ).toBeNull();
  });

  it("lets an admin keep their own admin role (a no-op save)", () => {
    expect(userChangeRefusal({ actorId: 1, target: admin, change: { kind: "role", role: "ADMIN" }, otherActiveAdmins: 0 })).toBeNull();
  });
});
