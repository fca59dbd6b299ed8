import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { createOrg } from "@/lib/testing/factories";
import { recordAudit } from "./audit";
import { listAuditEntries, listAuditFilterOptions } from "./audit-log";

const ada: Actor = { kind: "user", id: 1, label: "ada@shop.test" };
const pos: Actor = { kind: "apiClient", id: 7, label: "Store POS" };

async function entry(orgId: number, actor: Actor, action: string, entityType: string, at: string) {
  await db.$transaction((tx) => recordAudit(tx, { orgId, actor, action, entityType, entityId: 1, before: { v: 1 }, after: { v: 2 } }));
  // Pin the time so date filters and ordering are deterministic.
  const last = await db.auditEntry.findFirstOrThrow({ where: { orgId }, orderBy: { id: "desc" } });
  await db.auditEntry.update({ where: { id: last.id }, data: { at: new Date(at) } });
}

describe("listAuditEntries", () => {
  let orgId: number;
  let otherOrgId: number;

  beforeAll(async () => {
    orgId = (await createOrg()).org.id;
    otherOrgId = (await createOrg()).org.id;
    await entry(orgId, ada, "program.create", "Program", "2025-03-01T09:00:00Z");
    await entry(orgId, pos, "group.create", "UserGroup", "2025-03-02T23:59:59Z");
    await entry(orgId, ada, "user.role", "User", "2025-03-03T00:00:00Z");
    await entry(otherOrgId, ada, "user.role", "User", "2025-03-03T12:00:00Z");
  });

  it("lists the org's entries newest first, never another org's", async () => {
    const page = await listAuditEntries({ orgId, filters: {}, page: 1 });
    expect(page.rows.map((r) => r.action)).toEqual(["user.role", "group.create", "program.create"]);
    expect(page.total).toBe(3);
    expect(page.rows[0]).toMatchObject({ actorLabel: "ada@shop.test", actorType: "USER", before: { v: 1 }, after: { v: 2 } });
  });

  it("filters by actor, action and entity type", async () => {
    expect((await listAuditEntries({ orgId, filters: { actor: "Store POS" }, page: 1 })).rows.map((r) => r.action)).toEqual(["group.create"]);
    expect((await listAuditEntries({ orgId, filters: { action: "user.role" }, page: 1 })).total).toBe(1);
    expect((await listAuditEntries({ orgId, filters: { entityType: "Program", actor: "ada@shop.test" }, page: 1 })).rows.map((r) => r.action)).toEqual([
      "program.create",
    ]);
  });

  it("filters by a UTC date range, both ends inclusive", async () => {
    const day2 = await listAuditEntries({ orgId, filters: { from: "2025-03-02", to: "2025-03-02" }, page: 1 });
    expect(day2.rows.map((r) => r.action)).toEqual(["group.create"]);
    const from2 = await listAuditEntries({ orgId, filters: { from: "2025-03-02" }, page: 1 });
    expect(from2.total).toBe(2);
    const upTo1 = await listAuditEntries({ orgId, filters: { to: "2025-03-01" }, page: 1 });
    expect(upTo1.rows.map((r) => r.action)).toEqual(["program.create"]);
  });

  it("pages on the server", async () => {
    const first = await listAuditEntries({ orgId, filters: {}, page: 1, pageSize: 2 });
    const second = await listAuditEntries({ orgId, filters: {}, page: 2, pageSize: 2 });
    expect(first).toMatchObject({ total: 3, pageCount: 2 });
    expect([...first.rows, ...second.rows].map((r) => r.action)).toEqual(["user.role", "group.create", "program.create"]);
  });

  it("shows the last page for a page past the end", async () => {
    const past = await listAuditEntries({ orgId, filters: {}, page: 7, pageSize: 2 });
    expect(past).toMatchObject({ page: 2, pageCount: 2 });
    expect(past.rows.map((r) => r.action)).toEqual(["program.create"]);
  });

  it("answers an empty page when nothing matches", async () => {
    const none = await listAuditEntries({ orgId, filters: { action: "nothing.here" }, page: 1 });
    expect(none).toMatchObject({ rows: [], total: 0, pageCount: 1 });
  });

  it("offers filter values from the org's own log only", async () => {
    await entry(otherOrgId, { kind: "user", id: 2, label: "rival@other.test" }, "rival.only", "Rival", "2025-03-04T00:00:00Z");
    const options = await listAuditFilterOptions({ orgId });
    // Sorted here too: the database's collation decides where "Store POS" and "ada@…" fall.
    expect(options.actors.toSorted()).toEqual(["Store POS", "ada@shop.test"]);
    expect(options.actions.toSorted()).toEqual(["group.create", "program.create", "user.role"]);
    expect(options.entityTypes.toSorted()).toEqual(["Program", "User", "UserGroup"]);
  });
});
