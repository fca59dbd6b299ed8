import { z } from "zod";
import { groupIssue } from "./errors";

// Fleet hierarchies (SPEC §3.1, vendor §0.9, §E.6): the request shape and every role-chain rule,
// as one zod schema the API and the console's role-chain editor both parse with, so an error
// lands on the same field (roles.2.childRoleCode) with the vendor's code and message.
// Client-safe: no Prisma, no server-only.

export const MIN_ROLES = 2;
export const MAX_ROLES = 8;
export const MAX_CHILD_LIMIT = 30_000;
export const FLEET_CODE_MAX = 50;
export const ROLE_PERMISSION_CODES = [
  "block_points_redemption",
  "block_points_transfer",
  "allow_points_redemption",
  "allow_points_transfer",
  "earn_points",
  "burn_points",
] as const;

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

const permissionSchema = z.object({
  permissionCode: z.string().trim().max(50).nullish(),
  permissionValue: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]).optional(),
});

export const fleetRoleSchema = z.object({
  code: text(FLEET_CODE_MAX).nullish(),
  name: text(100).optional(),
  childRoleCode: text(FLEET_CODE_MAX).nullish(),
  maxChild: z.number().int("must be a whole number").nullish(),
  pointsAggregationRole: z.boolean().optional(),
  nonAutomatedPointsAggregationRole: z.boolean().optional(),
  permissions: z.array(permissionSchema).optional(),
});

/** Both spellings of the flags are accepted (SPEC §3.1 [CONFLICT]); the `is*` form wins when both come. */
const hierarchyShape = z.object({
  code: text(FLEET_CODE_MAX).nullish().meta({ description: "Unique in the org." }),
  name: text(100).optional(),
  description: text(500).optional(),
  isAutoGroupCreationEnabled: z.boolean().optional(),
  autoGroupCreationEnabled: z.boolean().optional(),
  isHierarchyCreationStrict: z.boolean().optional(),
  hierarchyCreationStrict: z.boolean().optional(),
  isSkipRoleAllowed: z.boolean().optional(),
  skipRoleAllowed: z.boolean().optional(),
  isDefault: z.boolean().optional(),
  default: z.boolean().optional(),
  isActive: z.boolean().optional(),
  active: z.boolean().optional(),
  roles: z.array(fleetRoleSchema).optional().meta({ description: `${MIN_ROLES} to ${MAX_ROLES} roles linked by childRoleCode into one chain, top first.` }),
});
export type FleetHierarchyRequest = z.input<typeof hierarchyShape>;

export type FleetRoleInput = {
  code: string;
  name: string;
  childRoleCode: string | null;
  maxChild: number | null;
  pointsAggregationRole: boolean;
  nonAutomatedPointsAggregationRole: boolean;
  permissions: { permissionCode: string; permissionValue: boolean }[];
};
export type FleetHierarchyInput = {
  code: string;
  name: string | undefined;
  description: string | undefined;
  autoGroupCreationEnabled: boolean | undefined;
  hierarchyCreationStrict: boolean | undefined;
  skipRoleAllowed: boolean | undefined;
  isDefault: boolean | undefined;
  active: boolean | undefined;
  /** Ordered top (root) to bottom (leaf); undefined when the request sent no roles. */
  roles: FleetRoleInput[] | undefined;
};

type Raw = z.output<typeof hierarchyShape>;

function checkHierarchy(v: Raw, ctx: z.RefinementCtx, requireCode: boolean) {
  const issue = (path: (string | number)[], ...args: Parameters<typeof groupIssue>) => ctx.addIssue({ code: "custom", path, ...groupIssue(...args) });
  if (requireCode ? !v.code : v.code === "" || v.code === null) issue(["code"], 1613);
  const roles = v.roles;
  if (roles === undefined) return;
  if (roles.length < MIN_ROLES) issue(["roles"], 1601, [MIN_ROLES]);
  if (roles.length > MAX_ROLES) issue(["roles"], 1602, [MAX_ROLES]);

  const codes = roles.map((r) => r.code ?? "");
  const seen = new Set<string>();
  roles.forEach((r, i) => {
    if (!r.code) issue(["roles", i, "code"], 1603);
    else if (seen.has(r.code)) issue(["roles", i, "code"], 1606);
    seen.add(r.code ?? "");
  });

  const leafIndex = roles.findLastIndex((r) => !r.childRoleCode);
  const parents = new Map<string, number>();
  roles.forEach((r, i) => {
    const path = ["roles", i];
    if (!r.childRoleCode) {
      if (i !== leafIndex && r.code) issue([...path, "childRoleCode"], 1612, [r.code]);
    } else if (!codes.includes(r.childRoleCode) || r.childRoleCode === r.code) {
      issue([...path, "childRoleCode"], r.childRoleCode === r.code ? 1608 : 1607, [r.childRoleCode]);
    } else if (parents.has(r.childRoleCode)) {
      issue([...path, "childRoleCode"], 1607, [r.childRoleCode]);
    } else {
      parents.set(r.childRoleCode, i);
    }
    if (r.childRoleCode) {
      if (r.maxChild === undefined || r.maxChild === null) issue([...path, "maxChild"], 1611, [r.code ?? ""]);
      else if (r.maxChild < 0) issue([...path, "maxChild"], 1604);
      else if (r.maxChild > MAX_CHILD_LIMIT) issue([...path, "maxChild"], 1605, [MAX_CHILD_LIMIT, r.code ?? ""]);
    } else if (r.maxChild !== undefined && r.maxChild !== null && r.maxChild < 0) {
      issue([...path, "maxChild"], 1604);
    }
    if (r.pointsAggregationRole && r.nonAutomatedPointsAggregationRole) issue([...path, "pointsAggregationRole"], 1650);
    const permissionCodes = new Set<string>();
    (r.permissions ?? []).forEach((p, j) => {
      const at = [...path, "permissions", j, "permissionCode"];
      if (!p.permissionCode) issue(at, 1629);
      else if (!(ROLE_PERMISSION_CODES as readonly string[]).includes(p.permissionCode)) issue(at, 1630);
      else if (permissionCodes.has(p.permissionCode)) issue(at, 1631, [p.permissionCode]);
      if (p.permissionCode) permissionCodes.add(p.permissionCode);
    });
  });

  const cycleAt = findCycle(roles);
  if (cycleAt !== null) issue(["roles", cycleAt, "childRoleCode"], 1608);

  const aggregation = roles.map((r, i) => (r.pointsAggregationRole ? i : -1)).filter((i) => i >= 0);
  if (aggregation.length > 1) issue(["roles", aggregation[1] ?? 0, "pointsAggregationRole"], 1649);
  const auto = v.isAutoGroupCreationEnabled ?? v.autoGroupCreationEnabled;
  if (auto && aggregation.length === 0 && roles.length > 0) issue(["isAutoGroupCreationEnabled"], 1614);
}

/** The index of a role whose childRoleCode leads back to it, or null (1608). */
function findCycle(roles: Raw["roles"] & object): number | null {
  const next = new Map(roles.filter((r) => r.code && r.childRoleCode).map((r) => [r.code as string, r.childRoleCode as string]));
  for (const [i, role] of roles.entries()) {
    if (!role.code) continue;
    const visited = new Set<string>([role.code]);
    let at = next.get(role.code);
    while (at !== undefined) {
      if (visited.has(at)) return at === role.code ? i : null;
      visited.add(at);
      at = next.get(at);
    }
  }
  return null;
}

/** Roles from root to leaf, following childRoleCode (the schema has already proved it one chain). */
function chainOrder(roles: FleetRoleInput[]): FleetRoleInput[] {
  const children = new Set(roles.map((r) => r.childRoleCode).filter(Boolean));
  const byCode = new Map(roles.map((r) => [r.code, r]));
  const out: FleetRoleInput[] = [];
  let at = roles.find((r) => !children.has(r.code));
  while (at && out.length < roles.length) {
    out.push(at);
    at = at.childRoleCode ? byCode.get(at.childRoleCode) : undefined;
  }
  return out.length === roles.length ? out : roles;
}

function normalise(v: Raw): FleetHierarchyInput {
  const roles = v.roles?.map((r) => ({
    code: r.code ?? "",
    name: r.name ?? r.code ?? "",
    childRoleCode: r.childRoleCode || null,
    maxChild: r.maxChild ?? null,
    pointsAggregationRole: r.pointsAggregationRole ?? false,
    nonAutomatedPointsAggregationRole: r.nonAutomatedPointsAggregationRole ?? false,
    permissions: (r.permissions ?? []).map((p) => ({ permissionCode: p.permissionCode ?? "", permissionValue: p.permissionValue ?? true })),
  }));
  return {
    code: v.code ?? "",
    name: v.name,
    description: v.description,
    autoGroupCreationEnabled: v.isAutoGroupCreationEnabled ?? v.autoGroupCreationEnabled,
    hierarchyCreationStrict: v.isHierarchyCreationStrict ?? v.hierarchyCreationStrict,
    skipRoleAllowed: v.isSkipRoleAllowed ?? v.skipRoleAllowed,
    isDefault: v.isDefault ?? v.default,
    active: v.isActive ?? v.active,
    roles: roles ? chainOrder(roles) : undefined,
  };
}

/** POST /v2/fleetHierarchy and the console's create form. */
export const createFleetHierarchySchema = hierarchyShape.superRefine((v, ctx) => checkHierarchy(v, ctx, true)).transform(normalise);
/** The console's edit form: the whole hierarchy as the create form sends it, plus its id. */
export const editFleetHierarchySchema = hierarchyShape
  .extend({ id: z.number().int().positive() })
  .superRefine((v, ctx) => checkHierarchy(v, ctx, true))
  .transform((v) => ({ id: v.id, input: normalise(v) }));

/** PUT /v2/fleetHierarchy/{id}: every field optional; what is sent replaces what is stored. */
export const updateFleetHierarchySchema = hierarchyShape.superRefine((v, ctx) => checkHierarchy(v, ctx, false)).transform(normalise);

export const fleetHierarchyIdParams = z.object({ id: z.string().regex(/^\d{1,10}$/, "must be a numeric hierarchy id").transform(Number) });
export const fleetHierarchyQuery = z
  .object({ id: z.string().regex(/^\d{1,10}$/, "must be a numeric hierarchy id").transform(Number).optional(), code: z.string().trim().min(1).max(FLEET_CODE_MAX).optional() })
  .superRefine((v, ctx) => {
    if (v.id === undefined && v.code === undefined) ctx.addIssue({ code: "custom", path: [], ...groupIssue(1613) });
  });

