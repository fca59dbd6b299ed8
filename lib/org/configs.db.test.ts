import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { createOrg, createUser } from "@/lib/testing/factories";
import { CONFIG_KEYS } from "./config-registry";
import { getOrgConfig, getOrgConfigs, listOrgConfigs, updateOrgConfig } from "./configs";

async function adminOf(orgId: number): Promise<Actor> {
  const { user } = await createUser(orgId, "ADMIN");
  return { kind: "user", id: user.id, label: user.email };
}

describe("getOrgConfig / getOrgConfigs", () => {
  it("gives the registry defaults for an org that stored nothing", async () => {
    const { org } = await createOrg();
    expect(await getOrgConfig(org.id, "CONF_MAX_FLEET_GROUP_SIZE")).toBe(30000);
    const all = await getOrgConfigs(org.id);
    expect(all.CONF_USER_GROUP_ENABLED).toBe(false);
    expect(all.SINGLE_ROLLING_EXPIRY).toEqual({ enabled: false, period: null, unit: "MONTHS", events: [] });
  });

  it("reads a stored value, and falls back to the default for a stored value that is no longer valid", async () => {
    const { org } = await createOrg();
    await db.orgConfig.createMany({ data: [
      { orgId: org.id, key: "CONF_USER_GROUP_SIZE", value: 8 },
      { orgId: org.id, key: "CONF_USER_GROUP_ENABLED", value: "yes please" },
    ] });
    expect(await getOrgConfig(org.id, "CONF_USER_GROUP_SIZE")).toBe(8);
    expect(await getOrgConfig(org.id, "CONF_USER_GROUP_ENABLED")).toBe(false);
  });

  it("reads a value stored under the singular redemption spelling, the plural winning when both exist", async () => {
    const { org } = await createOrg();
    await db.orgConfig.create({ data: { orgId: org.id, key: "ENABLE_GROUP_PROGRAM_REDEMPTION", value: true } });
    expect(await getOrgConfig(org.id, "ENABLE_GROUP_PROGRAMS_REDEMPTION")).toBe(true);
    await db.orgConfig.create({ data: { orgId: org.id, key: "ENABLE_GROUP_PROGRAMS_REDEMPTION", value: false } });
    expect(await getOrgConfig(org.id, "ENABLE_GROUP_PROGRAMS_REDEMPTION")).toBe(false);
  });

  it("reads inside a transaction what that transaction wrote", async () => {
    const { org } = await createOrg();
    const seen = await db.$transaction(async (tx) => {
      await tx.orgConfig.create({ data: { orgId: org.id, key: "CONF_USER_GROUP_OTP_ENABLE", value: true } });
      return (await getOrgConfigs(org.id, tx)).CONF_USER_GROUP_OTP_ENABLE;
    });
    expect(seen).toBe(true);
  });

  it("never reads another org's values", async () => {
    const { org } = await createOrg();
    const other = await createOrg();
    await updateOrgConfig({ orgId: other.org.id, actor: await adminOf(other.org.id), key: "CONF_USER_GROUP_ENABLED", value: true });
    expect(await getOrgConfig(org.id, "CONF_USER_GROUP_ENABLED")).toBe(false);
  });
});

describe("updateOrgConfig", () => {
  it("stores the value and audits before and after in the same change", async () => {
    const { org } = await createOrg();
    const actor = await adminOf(org.id);
    const entry = await updateOrgConfig({ orgId: org.id, actor, key: "CONF_USER_GROUP_SIZE", value: "6" });
    expect(entry).toMatchObject({ key: "CONF_USER_GROUP_SIZE", value: 6, default: 5, isDefault: false });
    expect(await getOrgConfig(org.id, "CONF_USER_GROUP_SIZE")).toBe(6);
    const row = await db.orgConfig.findUniqueOrThrow({ where: { orgId_key: { orgId: org.id, key: "CONF_USER_GROUP_SIZE" } } });
    expect(row.updatedById).toBe(actor.kind === "user" ? actor.id : null);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { orgId: org.id, action: "config.update" } });
    expect(audit).toMatchObject({ entityType: "OrgConfig", entityId: "CONF_USER_GROUP_SIZE", actorLabel: actor.label, before: { value: 5 }, after: { value: 6 } });
  });

  it("refuses an invalid value with the registry's message on the value field, storing and auditing nothing", async () => {
    const { org } = await createOrg();
    const actor = await adminOf(org.id);
    await expect(updateOrgConfig({ orgId: org.id, actor, key: "CONF_USER_GROUP_SIZE", value: 0 })).rejects.toMatchObject({
      kind: "INVALID", field: "value", message: "The group size must be at least 1.",
    });
    expect(await db.orgConfig.count({ where: { orgId: org.id } })).toBe(0);
    expect(await db.auditEntry.count({ where: { orgId: org.id } })).toBe(0);
  });

  it("refuses an unknown key", async () => {
    const { org } = await createOrg();
    await expect(updateOrgConfig({ orgId: org.id, actor: await adminOf(org.id), key: "NOT_A_CONFIG", value: true })).rejects.toMatchObject({
      kind: "INVALID", field: "key", message: "Unknown config NOT_A_CONFIG.",
    });
  });

  it("stores a write under the singular redemption spelling under the plural key", async () => {
    const { org } = await createOrg();
    const entry = await updateOrgConfig({ orgId: org.id, actor: await adminOf(org.id), key: "ENABLE_GROUP_PROGRAM_REDEMPTION", value: true });
    expect(entry.key).toBe("ENABLE_GROUP_PROGRAMS_REDEMPTION");
    const keys = (await db.orgConfig.findMany({ where: { orgId: org.id }, select: { key: true } })).map((r) => r.key);
    expect(keys).toEqual(["ENABLE_GROUP_PROGRAMS_REDEMPTION"]);
  });

  it("records nothing when the value does not change", async () => {
    const { org } = await createOrg();
    const actor = await adminOf(org.id);
    await updateOrgConfig({ orgId: org.id, actor, key: "CONF_USER_GROUP_ENABLED", value: true });
    await updateOrgConfig({ orgId: org.id, actor, key: "CONF_USER_GROUP_ENABLED", value: true });
    expect(await db.auditEntry.count({ where: { orgId: org.id, action: "config.update" } })).toBe(1);
  });

  it("refuses a strict hierarchy while skipping roles is allowed, and the reverse", async () => {
    const { org } = await createOrg();
    const actor = await adminOf(org.id);
    await updateOrgConfig({ orgId: org.id, actor, key: "IS_SKIP_ROLE_ALLOWED", value: true });
    await expect(updateOrgConfig({ orgId: org.id, actor, key: "IS_HEIRARCHY_STRICT", value: true })).rejects.toMatchObject({
      kind: "CONFLICT", field: "value", message: "Turn off “Skipping roles allowed” first: it cannot be on together with “Strict hierarchy”.",
    });
    await updateOrgConfig({ orgId: org.id, actor, key: "IS_SKIP_ROLE_ALLOWED", value: false });
    await updateOrgConfig({ orgId: org.id, actor, key: "IS_HEIRARCHY_STRICT", value: true });
    expect(await getOrgConfig(org.id, "IS_HEIRARCHY_STRICT")).toBe(true);
  });

  it("validates Single Rolling Expiry with its own rules and names the sub-field", async () => {
    const { org } = await createOrg();
    const actor = await adminOf(org.id);
    await expect(
      updateOrgConfig({ orgId: org.id, actor, key: "SINGLE_ROLLING_EXPIRY", value: { enabled: true, period: 12, unit: "MONTHS", events: [] } }),
    ).rejects.toMatchObject({ kind: "INVALID", field: "value.events" });
    await updateOrgConfig({ orgId: org.id, actor, key: "SINGLE_ROLLING_EXPIRY", value: { enabled: true, period: 12, unit: "MONTHS", events: ["TransactionAdd"] } });
    expect(await getOrgConfig(org.id, "SINGLE_ROLLING_EXPIRY")).toEqual({ enabled: true, period: 12, unit: "MONTHS", events: ["TransactionAdd"] });
  });
});

describe("listOrgConfigs", () => {
  it("marks which values are the default", async () => {
    const { org } = await createOrg();
    await updateOrgConfig({ orgId: org.id, actor: await adminOf(org.id), key: "CONF_USER_GROUP_ENABLED", value: true });
    const entries = await listOrgConfigs({ orgId: org.id });
    expect(entries.find((e) => e.key === "CONF_USER_GROUP_ENABLED")).toMatchObject({ value: true, default: false, isDefault: false });
    expect(entries.find((e) => e.key === "CONF_USER_GROUP_SIZE")).toMatchObject({ value: 5, isDefault: true, updatedAt: null });
    expect(entries).toHaveLength(CONFIG_KEYS.length);
  });
});
