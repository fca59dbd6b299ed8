import { describe, expect, it } from "vitest";
import { verifySecret } from "@/lib/auth/password";
import { SCOPE_NAMES } from "@/lib/auth/scopes";
import { db } from "@/lib/db/client";
import { databaseUrl } from "@/lib/env";
import { seedDemo } from "./seed";

describe("demo seed", () => {
  it("builds Demo Retail once and changes nothing the second time", async () => {
    expect(await seedDemo(databaseUrl())).toBe(true);
    const counts = async () => ({
      orgs: await db.org.count(),
      programs: await db.program.count(),
      users: await db.user.count(),
      customers: await db.customer.count(),
      tiers: await db.tier.count(),
    });
    const first = await counts();
    expect(await seedDemo(databaseUrl())).toBe(false);
    expect(await counts()).toEqual(first);
  });

  it("holds what the source documents tell", async () => {
    await seedDemo(databaseUrl());
    const org = await db.org.findUniqueOrThrow({ where: { slug: "demo-retail" } });
    expect(org.name).toBe("Demo Retail");
    expect(org.mlpType).toBe("CONCEPT");
    const ids = (await db.customer.findMany({ where: { orgId: org.id }, select: { id: true } })).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([564662499, 564662500, 564662501, 565345942]));
    // The mobiles of seed 000's association bodies belong to its driver and store owner.
    const byMobile = await db.customerIdentifier.findMany({ where: { orgId: org.id, type: "MOBILE", value: { in: ["9781027293", "9876543210"] } }, select: { value: true, customerId: true } });
    expect(Object.fromEntries(byMobile.map((i) => [i.value, i.customerId]))).toEqual({ "9781027293": 564662500, "9876543210": 564662501 });
    const enrolments = await db.programEnrollment.findMany({ where: { customerId: 564662499 }, select: { program: { select: { name: true } } } });
    expect(enrolments.map((e) => e.program.name).sort()).toEqual(["Demo Retail Rewards", "Trends Style Club"]);
    const field = await db.extendedFieldDef.findFirstOrThrow({ where: { orgId: org.id, name: "member_card_swiped" } });
    expect(field).toMatchObject({ scope: "TRANSACTION", type: "ENUM", allowedValues: ["Yes", "No"] });
    const client = await db.apiClient.findUniqueOrThrow({ where: { clientId: "demo-pos" }, include: { till: true } });
    expect(client.till?.code).toBe("TILL-001");
    expect(await verifySecret("demo-pos-secret", client.secretHash)).toBe(true);
    const programs = await db.program.findMany({ where: { orgId: org.id, isDefault: true } });
    expect(programs).toHaveLength(1);
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@demo.test" } });
    expect(admin.role).toBe("ADMIN");
    expect(await verifySecret("demo-admin-pass", admin.passwordHash)).toBe(true);
  });

  it("holds the demo family group 3847940 (seed 001's transfer target) with user groups on", async () => {
    await seedDemo(databaseUrl());
    const org = await db.org.findUniqueOrThrow({ where: { slug: "demo-retail" } });
    const group = await db.userGroup.findUniqueOrThrow({ where: { id: 3847940 }, include: { memberships: { orderBy: { id: "asc" } } } });
    expect(group).toMatchObject({ orgId: org.id, externalId: "demo_family_001", status: "ACTIVE", maxGroupSize: 5 });
    expect(group.memberships.map((m) => [m.customerId, m.primaryMember, m.exitedAt])).toEqual([
      [565345942, true, null],
      [564662499, false, null],
      [564662501, false, null],
    ]);
    const configs = await db.orgConfig.findMany({ where: { orgId: org.id, key: { in: ["CONF_USER_GROUP_ENABLED", "CONF_USER_GROUP_SIZE"] } }, orderBy: { key: "asc" } });
    expect(configs.map((c) => [c.key, c.value])).toEqual([["CONF_USER_GROUP_ENABLED", true], ["CONF_USER_GROUP_SIZE", 5]]);
    const fields = await db.extendedFieldDef.findMany({ where: { orgId: org.id, scope: "USERGROUP" }, select: { name: true } });
    expect(fields.map((f) => f.name).sort()).toEqual(["group_avatar_url", "ug_registration_date", "ug_status"]);
  });

  it("gives the POS every scope a till uses and the back office, bound to no till, every scope there is", async () => {
    await seedDemo(databaseUrl());
    const pos = await db.apiClient.findUniqueOrThrow({ where: { clientId: "demo-pos" } });
    expect(pos.scopes).toEqual(expect.arrayContaining(["customers:read", "customers:write", "groups:read", "groups:write", "transactions:write", "points:write"]));
    expect(pos.scopes).not.toContain("tiers:write");
    const office = await db.apiClient.findUniqueOrThrow({ where: { clientId: "demo-backoffice" } });
    expect(office.tillId).toBeNull();
    expect([...office.scopes].sort()).toEqual([...SCOPE_NAMES].sort());
    expect(await verifySecret("demo-backoffice-secret", office.secretHash)).toBe(true);
  });

  it("adds a scope the list gained to an already seeded client", async () => {
    await seedDemo(databaseUrl());
    await db.apiClient.update({ where: { clientId: "demo-backoffice" }, data: { scopes: ["programs:read"] } });
    await seedDemo(databaseUrl());
    const office = await db.apiClient.findUniqueOrThrow({ where: { clientId: "demo-backoffice" } });
    expect([...office.scopes].sort()).toEqual([...SCOPE_NAMES].sort());
  });
});
