import { describe, expect, it } from "vitest";
import { createFleetHierarchySchema, updateFleetHierarchySchema } from "./fleet-schema";

type Issue = { path: PropertyKey[]; message: string; params?: { code?: number } };
const issuesOf = (body: unknown, schema = createFleetHierarchySchema) => {
  const parsed = schema.safeParse(body);
  return parsed.success ? [] : (parsed.error.issues as Issue[]).map((i) => ({ code: i.params?.code ?? 400, path: i.path.join("."), message: i.message }));
};
const owner = { code: "Owner", childRoleCode: "Driver", maxChild: 50, pointsAggregationRole: true };
const driver = { code: "Driver" };

describe("fleet hierarchy schema (SPEC §3.1 codes)", () => {
  it("accepts the seed's body without roles, in the new spelling", () => {
    const parsed = createFleetHierarchySchema.parse({
      name: "Fleet Hierarchy", code: "FLEET_HIER_001", description: "Hierarchy for fleet owner and driver roles",
      isAutoGroupCreationEnabled: true, isHierarchyCreationStrict: true, isSkipRoleAllowed: false, isDefault: true, isActive: true,
    });
    expect(parsed).toMatchObject({ code: "FLEET_HIER_001", autoGroupCreationEnabled: true, hierarchyCreationStrict: true, skipRoleAllowed: false, isDefault: true, active: true, roles: undefined });
  });

  it("accepts the legacy spelling and orders roles top to bottom", () => {
    const parsed = createFleetHierarchySchema.parse({ code: "H", autoGroupCreationEnabled: true, hierarchyCreationStrict: false, skipRoleAllowed: true, default: true, active: false, roles: [driver, owner] });
    expect(parsed).toMatchObject({ autoGroupCreationEnabled: true, hierarchyCreationStrict: false, skipRoleAllowed: true, isDefault: true, active: false });
    expect(parsed.roles?.map((r) => r.code)).toEqual(["Owner", "Driver"]);
    expect(parsed.roles?.[0]).toMatchObject({ name: "Owner", maxChild: 50, pointsAggregationRole: true, permissions: [] });
  });

  it.each([
    ["1613 an empty code", { code: "" }, [{ code: 1613, path: "code", message: "Fleet hierarchy code cannot be null or empty." }]],
    ["1601 one role", { code: "H", roles: [driver] }, [{ code: 1601, path: "roles", message: "Fleet minimum number of roles 2 not met." }]],
    ["1603 an empty role code", { code: "H", roles: [{ ...owner }, { code: "" }] }, [{ code: 1603, path: "roles.1.code", message: "Fleet role code cannot be empty or null." }, { code: 1607, path: "roles.0.childRoleCode", message: "Invalid child role code passed Driver." }]],
    ["1606 a duplicate role code", { code: "H", roles: [owner, driver, { code: "Driver" }] }, [{ code: 1606, path: "roles.2.code", message: "Duplicate fleet role codes passed in the payload." }, { code: 1612, path: "roles.1.childRoleCode", message: "Fleet child role code not passed for the role Driver." }]],
    ["1607 a child that is no role", { code: "H", roles: [{ ...owner, childRoleCode: "Pilot" }, driver] }, [{ code: 1607, path: "roles.0.childRoleCode", message: "Invalid child role code passed Pilot." }]],
    ["1611 no maxChild for a parent", { code: "H", roles: [{ code: "Owner", childRoleCode: "Driver" }, driver] }, [{ code: 1611, path: "roles.0.maxChild", message: "Fleet max child not passed for the role Owner." }]],
    ["1604 a negative maxChild", { code: "H", roles: [{ ...owner, maxChild: -1 }, driver] }, [{ code: 1604, path: "roles.0.maxChild", message: "Fleet max child per role cannot be negative." }]],
    ["1605 maxChild over 30,000", { code: "H", roles: [{ ...owner, maxChild: 30_001 }, driver] }, [{ code: 1605, path: "roles.0.maxChild", message: "Max limit of 30000 on total number of child per role exceeded for Owner. Contact support team to increase the limit." }]],
    ["1612 a middle role without a child", { code: "H", roles: [{ code: "A", childRoleCode: "B", maxChild: 1 }, { code: "B" }, { code: "C" }] }, [{ code: 1612, path: "roles.1.childRoleCode", message: "Fleet child role code not passed for the role B." }]],
    ["1614 auto groups without an aggregation role", { code: "H", isAutoGroupCreationEnabled: true, roles: [{ ...owner, pointsAggregationRole: false }, driver] }, [{ code: 1614, path: "isAutoGroupCreationEnabled", message: "Any one role needs to be marked as aggregation level for auto group creation to be enabled." }]],
    ["1649 two aggregation roles", { code: "H", roles: [owner, { ...driver, pointsAggregationRole: true }] }, [{ code: 1649, path: "roles.1.pointsAggregationRole", message: "Only one role should be marked as points aggregation role." }]],
    ["1650 aggregation both ways", { code: "H", roles: [{ ...owner, nonAutomatedPointsAggregationRole: true }, driver] }, [{ code: 1650, path: "roles.0.pointsAggregationRole", message: "Role can not be both pointsAggregationRole and nonAutomatedPointsAggregationRole." }]],
    ["1629 an empty permission code", { code: "H", roles: [owner, { ...driver, permissions: [{ permissionCode: "", permissionValue: true }] }] }, [{ code: 1629, path: "roles.1.permissions.0.permissionCode", message: "Fleet role permission code cannot be null or empty." }]],
    ["1630 an unknown permission", { code: "H", roles: [owner, { ...driver, permissions: [{ permissionCode: "fly", permissionValue: true }] }] }, [{ code: 1630, path: "roles.1.permissions.0.permissionCode", message: "Fleet role permission code not exist." }]],
    ["1631 a permission twice", { code: "H", roles: [owner, { ...driver, permissions: [{ permissionCode: "earn_points" }, { permissionCode: "earn_points" }] }] }, [{ code: 1631, path: "roles.1.permissions.1.permissionCode", message: "Fleet role permission code earn_points duplicated." }]],
  ])("refuses %s", (_, body, expected) => {
    expect(issuesOf(body)).toEqual(expected);
  });

  it("refuses nine roles with 1602", () => {
    const roles = Array.from({ length: 9 }, (_, i) => ({ code: `R${i}`, ...(i < 8 ? { childRoleCode: `R${i + 1}`, maxChild: 5 } : {}) }));
    expect(issuesOf({ code: "H", roles })).toEqual([{ code: 1602, path: "roles", message: "Fleet maximum number of roles 8 exceeded." }]);
  });

  it("refuses a cycle with 1608 (a loop of two, and a role that is its own child)", () => {
    const loop = issuesOf({ code: "H", roles: [{ code: "A", childRoleCode: "B", maxChild: 1 }, { code: "B", childRoleCode: "A", maxChild: 1 }] });
    expect(loop.map((i) => i.code)).toContain(1608);
    expect(loop.find((i) => i.code === 1608)?.message).toBe("Cyclic hierarchy is not supported.");
    expect(issuesOf({ code: "H", roles: [{ code: "A", childRoleCode: "A", maxChild: 1 }, { code: "B" }] }).map((i) => i.code)).toContain(1608);
  });

  it("lets an update leave out the code and the roles", () => {
    expect(updateFleetHierarchySchema.parse({ name: "Renamed" })).toMatchObject({ name: "Renamed", roles: undefined, autoGroupCreationEnabled: undefined });
    expect(issuesOf({ code: "" }, updateFleetHierarchySchema).map((i) => i.code)).toEqual([1613]);
  });
});
