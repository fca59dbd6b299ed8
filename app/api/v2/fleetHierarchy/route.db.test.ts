import { beforeAll, describe, expect, it } from "vitest";
import { createApiClient } from "@/lib/testing/factories";
import { createGroupsOrg, fleetDb } from "@/lib/testing/groups-factories";
import { caller, codes, type ErrorBody } from "../userGroup2/api-test-helpers";
import { GET as PERMISSIONS } from "../fleet/permissions/route";
import { DELETE, PUT } from "./[id]/route";
import { GET as ALL } from "./all/route";
import { GET, POST } from "./route";

let call: ReturnType<typeof caller>;
let orgId: number;

// Seed 000, "Creating the fleet hierarchy" and "Creating the distributor hierarchy", verbatim.
const FLEET_BODY = {
  name: "Fleet Hierarchy",
  code: "FLEET_HIER_001",
  description: "Hierarchy for fleet owner and driver roles",
  isAutoGroupCreationEnabled: true,
  isHierarchyCreationStrict: true,
  isSkipRoleAllowed: false,
  isDefault: true,
  isActive: true,
};
const DIST_BODY = {
  name: "Distributor Hierarchy",
  code: "DIST_HIER_001",
  description: "Regional distributor and store owner hierarchy",
  isAutoGroupCreationEnabled: true,
  isHierarchyCreationStrict: false,
  isSkipRoleAllowed: true,
  isDefault: true,
  isActive: true,
};
const ROLES = [
  { code: "Owner", name: "Fleet owner", childRoleCode: "Driver", maxChild: 2, pointsAggregationRole: true, permissions: [{ permissionCode: "earn_points", permissionValue: true }] },
  { code: "Driver", name: "Driver", permissions: [{ permissionCode: "block_points_redemption", permissionValue: true }, { permissionCode: "block_points_transfer", permissionValue: true }] },
];

const post = (body: unknown) => call(POST, "POST", "/api/v2/fleetHierarchy", body);
const put = (id: number, body: unknown) => call(PUT, "PUT", `/api/v2/fleetHierarchy/${id}`, body, { id: String(id) });
const get = (qs: string) => call(GET, "GET", `/api/v2/fleetHierarchy?${qs}`);

beforeAll(async () => {
  const setup = await createGroupsOrg();
  orgId = setup.orgId;
  call = caller(setup.authorization);
});

describe("POST /v2/fleetHierarchy", () => {
  it("takes the seed's fleet body verbatim (no roles yet: a warning says what is missing)", async () => {
    const res = await post(FLEET_BODY);
    expect(res.status).toBe(200);
    const body = res.body as { entity: number; warnings: string[] };
    expect(body.warnings).toEqual(["No roles passed: customers can be associated once the hierarchy's roles are defined (PUT /v2/fleetHierarchy/{id})."]);
    const row = await fleetDb.hierarchy(body.entity);
    expect(row).toMatchObject({ orgId, code: "FLEET_HIER_001", autoGroupCreationEnabled: true, hierarchyCreationStrict: true, skipRoleAllowed: false, isDefault: true, active: true });
  });

  it("takes the seed's distributor body verbatim; the newest default wins", async () => {
    const res = await post(DIST_BODY);
    expect(res.status).toBe(200);
    const dist = await fleetDb.hierarchy((res.body as { entity: number }).entity);
    expect(dist).toMatchObject({ code: "DIST_HIER_001", hierarchyCreationStrict: false, skipRoleAllowed: true, isDefault: true });
    expect(await fleetDb.defaults(orgId)).toEqual(["DIST_HIER_001"]);
  });

  it("takes the legacy spelling and stores roles in chain order, audited", async () => {
    const res = await post({ code: "LEGACY", autoGroupCreationEnabled: true, hierarchyCreationStrict: false, skipRoleAllowed: true, default: false, active: true, roles: [ROLES[1], ROLES[0]] });
    expect(res.status).toBe(200);
    const id = (res.body as { entity: number }).entity;
    const shown = await get(`id=${id}`);
    const entity = (shown.body as { entity: { roles: { code: string; hierarchyId: number }[]; autoGroupCreationEnabled: boolean; isAutoGroupCreationEnabled: boolean; hierarchyCreationStrict: boolean; skipRoleAllowed: boolean } }).entity;
    expect(entity).toMatchObject({ autoGroupCreationEnabled: true, isAutoGroupCreationEnabled: true, hierarchyCreationStrict: false, skipRoleAllowed: true });
    expect(entity.roles.map((r) => r.code)).toEqual(["Owner", "Driver"]);
    expect(entity.roles[0]?.hierarchyId).toBe(id);
    expect(await fleetDb.auditActions(orgId, id)).toEqual(["fleetHierarchy.create"]);
  });

  it("refuses a code that exists with 1600", async () => {
    const res = await post({ code: "FLEET_HIER_001", roles: ROLES });
    expect(res.status).toBe(409);
    expect((res.body as ErrorBody).errors).toEqual([{ status: false, code: 1600, message: "Fleet code FLEET_HIER_001 exists.", field: "code" }]);
  });

  const owner = ROLES[0];
  const driver = { code: "Driver" };
  it.each([
    [1613, { roles: ROLES }],
    [1601, { code: "X1", roles: [driver] }],
    [1602, { code: "X2", roles: Array.from({ length: 9 }, (_, i) => ({ code: `R${i}`, ...(i < 8 ? { childRoleCode: `R${i + 1}`, maxChild: 1 } : {}) })) }],
    [1603, { code: "X3", roles: [{ ...owner, childRoleCode: null }, { code: "" }] }],
    [1604, { code: "X4", roles: [{ ...owner, maxChild: -1 }, driver] }],
    [1605, { code: "X5", roles: [{ ...owner, maxChild: 40_000 }, driver] }],
    [1606, { code: "X6", roles: [{ ...owner, childRoleCode: null }, { code: "Owner" }] }],
    [1607, { code: "X7", roles: [{ ...owner, childRoleCode: "Pilot" }, driver] }],
    [1608, { code: "X8", roles: [{ code: "A", childRoleCode: "B", maxChild: 1 }, { code: "B", childRoleCode: "A", maxChild: 1 }] }],
    [1611, { code: "X11", roles: [{ code: "Owner", childRoleCode: "Driver" }, driver] }],
    [1612, { code: "X12", roles: [{ code: "A", childRoleCode: "B", maxChild: 1 }, { code: "B" }, { code: "C" }] }],
    [1614, { code: "X14", isAutoGroupCreationEnabled: true, roles: [{ ...owner, pointsAggregationRole: false }, driver] }],
    [1629, { code: "X29", roles: [owner, { code: "Driver", permissions: [{ permissionCode: null }] }] }],
    [1630, { code: "X30", roles: [owner, { code: "Driver", permissions: [{ permissionCode: "teleport" }] }] }],
    [1631, { code: "X31", roles: [owner, { code: "Driver", permissions: [{ permissionCode: "earn_points" }, { permissionCode: "earn_points" }] }] }],
    [1649, { code: "X49", roles: [owner, { code: "Driver", pointsAggregationRole: true }] }],
    [1650, { code: "X50", roles: [{ ...owner, nonAutomatedPointsAggregationRole: true }, driver] }],
  ])("answers %i for a bad role chain, creating nothing", async (code, body) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(codes(res.body)).toContain(code);
    expect(await fleetDb.count(orgId, (body as { code?: string }).code ?? "")).toBe(0);
  });
});

describe("GET /v2/fleetHierarchy", () => {
  it("finds one by code and id; unknown is 1609, none given 1613", async () => {
    const byCode = await get("code=FLEET_HIER_001");
    expect(byCode.status).toBe(200);
    const id = (byCode.body as { entity: { id: number } }).entity.id;
    expect(((await get(`id=${id}`)).body as { entity: { code: string } }).entity.code).toBe("FLEET_HIER_001");
    const unknown = await get("code=NOPE");
    expect(unknown.status).toBe(404);
    expect((unknown.body as ErrorBody).errors[0]?.message).toBe("Fleet hierarchy ID/code NOPE is invalid.");
    expect(codes((await get("")).body)).toEqual([1613]);
  });

  it("lists active hierarchies under /all and the permissions under /v2/fleet/permissions", async () => {
    const all = (await call(ALL, "GET", "/api/v2/fleetHierarchy/all")).body as { entity: { code: string }[] };
    expect(all.entity.map((h) => h.code)).toEqual(expect.arrayContaining(["FLEET_HIER_001", "DIST_HIER_001", "LEGACY"]));
    const perms = (await call(PERMISSIONS, "GET", "/api/v2/fleet/permissions")).body as { data: { name: string; module: string }[] };
    expect(perms.data.map((p) => p.name)).toEqual(["allow_points_redemption", "allow_points_transfer", "block_points_redemption", "block_points_transfer"]);
  });

  it("never shows another org's hierarchy", async () => {
    const other = await createGroupsOrg();
    const res = await caller(other.authorization)(GET, "GET", "/api/v2/fleetHierarchy?code=FLEET_HIER_001");
    expect(res.status).toBe(404);
  });
});

describe("PUT and DELETE /v2/fleetHierarchy/{id}", () => {
  let id: number;
  beforeAll(async () => {
    id = ((await get("code=FLEET_HIER_001")).body as { entity: { id: number } }).entity.id;
  });

  it("defines the roles of the seed's hierarchy, audited with before and after", async () => {
    const res = await put(id, { roles: ROLES });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ entity: id, warnings: [] });
    const entity = ((await get(`id=${id}`)).body as { entity: { roles: { code: string; maxChild: number | null; permissions: unknown[] }[] } }).entity;
    expect(entity.roles.map((r) => [r.code, r.maxChild])).toEqual([["Owner", 2], ["Driver", null]]);
    expect(await fleetDb.auditActions(orgId, id)).toEqual(["fleetHierarchy.create", "fleetHierarchy.update"]);
  });

  it("refuses renaming to a taken code (1600), auto groups without aggregation (1614), an unknown id (1609)", async () => {
    expect(codes((await put(id, { code: "DIST_HIER_001" })).body)).toEqual([1600]);
    expect(codes((await put(id, { roles: [{ ...ROLES[0], pointsAggregationRole: false }, ROLES[1]] })).body)).toEqual([1614]);
    expect(codes((await put(999_999, { name: "x" })).body)).toEqual([1609]);
  });

  it("refuses changing the chain once customers are associated (1711), but lets caps change", async () => {
    await fleetDb.associateDirectly(orgId, id, "Owner");
    const res = await put(id, { roles: [{ ...ROLES[0], childRoleCode: "Helper" }, { code: "Helper", childRoleCode: "Driver", maxChild: 1 }, ROLES[1]] });
    expect(res.status).toBe(409);
    expect((res.body as ErrorBody).errors[0]).toMatchObject({ code: 1711, message: "Fleet hierarchy update is not allowed." });
    expect((await put(id, { roles: [{ ...ROLES[0], maxChild: 5 }, ROLES[1]] })).status).toBe(200);
  });

  it("deactivates on DELETE: GET then answers 1610, a second DELETE too", async () => {
    const created = ((await post({ code: "TO_DELETE", roles: ROLES })).body as { entity: number }).entity;
    const res = await call(DELETE, "DELETE", `/api/v2/fleetHierarchy/${created}`, undefined, { id: String(created) });
    expect(res.body).toEqual({ entity: created, warnings: [] });
    const after = await get(`id=${created}`);
    expect(after.status).toBe(409);
    expect((after.body as ErrorBody).errors[0]).toMatchObject({ code: 1610, message: "Fleet hierarchy is not active." });
    expect(codes((await call(DELETE, "DELETE", `/api/v2/fleetHierarchy/${created}`, undefined, { id: String(created) })).body)).toEqual([1610]);
  });

  it("needs the groups:write scope to change a hierarchy", async () => {
    const { authorization } = await createApiClient(orgId, { scopes: ["groups:read"] });
    expect((await caller(authorization)(PUT, "PUT", `/api/v2/fleetHierarchy/${id}`, { name: "x" }, { id: String(id) })).status).toBe(403);
  });
});
