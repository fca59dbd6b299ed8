import { describe, expect, it } from "vitest";
import { groupCapacity, hasRoomFor, memberCan, normalisePermissions, permissionWarnings, unknownPermission } from "./rules";

describe("memberCan (seed 001 permission semantics)", () => {
  it("lets the primary redeem and transfer whatever its permissions say", () => {
    expect(memberCan({ primaryMember: true, permissions: [] }, "redemption")).toBe(true);
    expect(memberCan({ primaryMember: true, permissions: ["block_points_transfer"] }, "transfer")).toBe(true);
  });
  it("lets a secondary redeem only with allow_points_redemption", () => {
    expect(memberCan({ primaryMember: false, permissions: [] }, "redemption")).toBe(false);
    expect(memberCan({ primaryMember: false, permissions: ["allow_points_transfer"] }, "redemption")).toBe(false);
    expect(memberCan({ primaryMember: false, permissions: ["allow_points_redemption"] }, "redemption")).toBe(true);
  });
  it("lets block win over allow on a secondary (a driver)", () => {
    const driver = { primaryMember: false, permissions: ["allow_points_redemption", "block_points_redemption", "block_points_transfer"] };
    expect(memberCan(driver, "redemption")).toBe(false);
    expect(memberCan(driver, "transfer")).toBe(false);
  });
});

describe("permission codes", () => {
  it("names the first unknown code", () => {
    expect(unknownPermission(["allow_points_redemption", "earn_points", "x"])).toBe("earn_points");
    expect(unknownPermission(["block_points_transfer"])).toBeUndefined();
  });
  it("explains permissions that have no effect", () => {
    expect(permissionWarnings({ primaryMember: true, permissions: ["block_points_redemption"] })).toEqual([
      "block_points_redemption has no effect on a primary member: the primary always has points redemption.",
    ]);
    expect(permissionWarnings({ primaryMember: false, permissions: ["allow_points_transfer", "block_points_transfer"] })).toEqual([
      "Both allow_ and block_points_transfer passed: block wins.",
    ]);
    expect(permissionWarnings({ primaryMember: false, permissions: ["allow_points_redemption"] })).toEqual([]);
  });
  it("dedupes into a stable order", () => {
    expect(normalisePermissions(["block_points_transfer", "allow_points_redemption", "block_points_transfer"])).toEqual(["allow_points_redemption", "block_points_transfer"]);
  });
});

describe("capacity (CONF_USER_GROUP_SIZE with the primary counted)", () => {
  it("is the smaller of maxGroupSize and the org's size", () => {
    expect(groupCapacity(20, 5)).toBe(5);
    expect(groupCapacity(3, 5)).toBe(3);
  });
  it("admits 1 primary + 4 secondaries under a cap of 5, not a sixth", () => {
    const capacity = 5;
    expect(hasRoomFor({ primaryMember: false }, { currentMembers: 4, hasPrimary: true, capacity })).toBe(true);
    expect(hasRoomFor({ primaryMember: false }, { currentMembers: 5, hasPrimary: true, capacity })).toBe(false);
  });
  it("keeps the primary's place while the group has none", () => {
    expect(hasRoomFor({ primaryMember: false }, { currentMembers: 4, hasPrimary: false, capacity: 5 })).toBe(false);
    expect(hasRoomFor({ primaryMember: true }, { currentMembers: 4, hasPrimary: false, capacity: 5 })).toBe(true);
    expect(hasRoomFor({ primaryMember: true }, { currentMembers: 0, hasPrimary: false, capacity: 1 })).toBe(true);
    expect(hasRoomFor({ primaryMember: false }, { currentMembers: 0, hasPrimary: false, capacity: 1 })).toBe(false);
  });
});
