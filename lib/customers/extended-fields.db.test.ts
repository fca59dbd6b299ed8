import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { databaseUrl } from "@/lib/env";
import { buildSchema, check } from "@/lib/expr";
import { createOrg, createUser } from "@/lib/testing/factories";
import { seedDemo } from "@/prisma/seed";
import { createExtendedFieldDef, listExtendedFieldDefs, setExtendedFieldActive, toExprFields, updateExtendedFieldDef } from "./extended-fields";
import { createExtendedFieldSchema, updateExtendedFieldSchema } from "./extended-fields-schema";

async function adminOf(orgId: number): Promise<Actor> {
  const { user } = await createUser(orgId, "ADMIN");
  return { kind: "user", id: user.id, label: user.email };
}
const create = (over: Record<string, unknown> = {}) =>
  createExtendedFieldSchema.parse({ scope: "CUSTOMER", name: "region", type: "ENUM", description: "Home region", allowedValues: "North\nSouth", ...over });

describe("the seed's member_card_swiped field", () => {
  let demoOrgId: number;
  beforeAll(async () => {
    await seedDemo(databaseUrl());
    demoOrgId = (await db.org.findFirstOrThrow({ where: { name: "Demo Retail" }, select: { id: true } })).id;
  });

  it("is listed for transactions and checks in a condition; an unlisted value is a VALUE_NOT_ALLOWED warning", async () => {
    const defs = await listExtendedFieldDefs({ orgId: demoOrgId, scope: "TRANSACTION" });
    expect(defs.map((d) => [d.name, d.type, d.allowedValues])).toEqual([["member_card_swiped", "ENUM", ["Yes", "No"]]]);
    const schema = buildSchema({ extendedFields: toExprFields(defs) });
    expect(check('currentTxn.extField_member_card_swiped=="Yes"', schema).diagnostics).toEqual([]);
    const maybe = check('currentTxn.extField_member_card_swiped=="Maybe"', schema).diagnostics;
    expect(maybe.map((d) => [d.code, d.severity])).toEqual([["VALUE_NOT_ALLOWED", "warning"]]);
  });
});

describe("createExtendedFieldDef", () => {
  it("creates a field, audits it, and lists it by scope", async () => {
    const { org } = await createOrg();
    const actor = await adminOf(org.id);
    const field = await createExtendedFieldDef({ orgId: org.id, actor, input: create() });
    expect(field).toMatchObject({ scope: "CUSTOMER", name: "region", type: "ENUM", allowedValues: ["North", "South"], active: true });
    expect((await listExtendedFieldDefs({ orgId: org.id, scope: "CUSTOMER" })).map((d) => d.name)).toEqual(["region"]);
    expect(await listExtendedFieldDefs({ orgId: org.id, scope: "TRANSACTION" })).toEqual([]);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { orgId: org.id, action: "extendedField.create" } });
    expect(audit).toMatchObject({ entityType: "ExtendedFieldDef", entityId: String(field.id), after: { name: "region", allowedValues: ["North", "South"] } });
  });

  it("refuses a second field of the same name in the same scope, on the name field, but allows it in another scope or org", async () => {
    const { org } = await createOrg();
    const other = await createOrg();
    const actor = await adminOf(org.id);
    await createExtendedFieldDef({ orgId: org.id, actor, input: create() });
    await expect(createExtendedFieldDef({ orgId: org.id, actor, input: create({ type: "STRING" }) })).rejects.toMatchObject({
      kind: "CONFLICT", field: "name", message: "A CUSTOMER field named region already exists. Choose another name.",
    });
    await createExtendedFieldDef({ orgId: org.id, actor, input: create({ scope: "USERGROUP" }) });
    await createExtendedFieldDef({ orgId: other.org.id, actor: await adminOf(other.org.id), input: create() });
    expect(await db.auditEntry.count({ where: { orgId: org.id, action: "extendedField.create" } })).toBe(2);
  });
});

describe("updateExtendedFieldDef", () => {
  it("changes the description and allowed values only, audited with before and after", async () => {
    const { org } = await createOrg();
    const actor = await adminOf(org.id);
    const field = await createExtendedFieldDef({ orgId: org.id, actor, input: create() });
    const updated = await updateExtendedFieldDef({ orgId: org.id, actor, input: updateExtendedFieldSchema.parse({ id: field.id, description: "Where they live", allowedValues: "North\nSouth\nEast" }) });
    expect(updated).toMatchObject({ name: "region", type: "ENUM", description: "Where they live", allowedValues: ["North", "South", "East"] });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { orgId: org.id, action: "extendedField.update" } });
    expect(audit.before).toMatchObject({ allowedValues: ["North", "South"] });
    expect(audit.after).toMatchObject({ allowedValues: ["North", "South", "East"] });
  });

  it("keeps a list field's values non-empty, gives other types none, and never edits another org's field", async () => {
    const { org } = await createOrg();
    const other = await createOrg();
    const actor = await adminOf(org.id);
    const list = await createExtendedFieldDef({ orgId: org.id, actor, input: create() });
    const text = await createExtendedFieldDef({ orgId: org.id, actor, input: create({ name: "nickname", type: "STRING" }) });
    await expect(updateExtendedFieldDef({ orgId: org.id, actor, input: updateExtendedFieldSchema.parse({ id: list.id, description: "", allowedValues: "" }) })).rejects.toMatchObject({
      kind: "INVALID", field: "allowedValues",
    });
    await expect(updateExtendedFieldDef({ orgId: org.id, actor, input: updateExtendedFieldSchema.parse({ id: text.id, description: "", allowedValues: "A" }) })).rejects.toMatchObject({
      kind: "INVALID", field: "allowedValues",
    });
    await expect(
      updateExtendedFieldDef({ orgId: other.org.id, actor: await adminOf(other.org.id), input: updateExtendedFieldSchema.parse({ id: list.id, description: "hijack", allowedValues: "X" }) }),
    ).rejects.toMatchObject({ kind: "NOT_FOUND" });
    expect((await db.extendedFieldDef.findUniqueOrThrow({ where: { id: list.id } })).description).toBe("Home region");
  });
});

describe("setExtendedFieldActive", () => {
  it("deactivates and reactivates, audited; a deactivated field leaves the condition schema", async () => {
    const { org } = await createOrg();
    const actor = await adminOf(org.id);
    const field = await createExtendedFieldDef({ orgId: org.id, actor, input: create() });
    await setExtendedFieldActive({ orgId: org.id, actor, id: field.id, active: false });
    await expect(setExtendedFieldActive({ orgId: org.id, actor, id: field.id, active: false })).rejects.toMatchObject({ kind: "CONFLICT" });
    const defs = await listExtendedFieldDefs({ orgId: org.id });
    expect(defs[0]?.active).toBe(false);
    expect(toExprFields(defs)).toEqual([]);
    expect(await listExtendedFieldDefs({ orgId: org.id, activeOnly: true })).toEqual([]);
    const schema = buildSchema({ extendedFields: toExprFields(defs) });
    expect(check('currentCustomer.extField_region=="North"', schema).diagnostics.map((d) => d.code)).toEqual(["UNKNOWN_ATTRIBUTE"]);

    await setExtendedFieldActive({ orgId: org.id, actor, id: field.id, active: true });
    expect(toExprFields(await listExtendedFieldDefs({ orgId: org.id }))).toEqual([{ name: "region", scope: "CUSTOMER", type: "enum", allowedValues: ["North", "South"] }]);
    const actions = (await db.auditEntry.findMany({ where: { orgId: org.id }, orderBy: { id: "asc" }, select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(["extendedField.create", "extendedField.deactivate", "extendedField.reactivate"]);
  });

  it("maps each type to the condition language's lowercase names", () => {
    const defs = (["STRING", "NUMBER", "BOOLEAN", "DATE"] as const).map((type) => ({ scope: "TRANSACTION" as const, name: type.toLowerCase(), type, allowedValues: [], active: true }));
    expect(toExprFields(defs).map((d) => d.type)).toEqual(["string", "number", "boolean", "date"]);
  });
});
