import { beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createCustomer, createGroupRow, createGroupsOrg } from "@/lib/testing/groups-factories";
import { createGroup } from "./groups";
import { joinGroup } from "./join";

// Caps hold under concurrency (issue 14). PGlite runs one transaction at a time, so there these
// only show the rules; CI runs this file again on PostgreSQL, where the requests really overlap
// and only the row lock and the unique indexes keep the counts right.

let orgId: number;
beforeAll(async () => {
  ({ orgId } = await createGroupsOrg({ groupSize: 5 }));
});

const actor = SYSTEM_ACTOR;

describe("concurrent joins and creates", () => {
  it("admits exactly four of twenty simultaneous joins to a group with room for four", async () => {
    const group = await createGroupRow(orgId, { maxGroupSize: 50 });
    const primary = await createCustomer(orgId);
    await joinGroup({ orgId, actor, selector: { id: group.id }, members: [{ userId: primary.id, primaryMember: true }] });
    const joiners = await Promise.all(Array.from({ length: 20 }, () => createCustomer(orgId)));

    const outcomes = await Promise.all(joiners.map((c) => joinGroup({ orgId, actor, selector: { id: group.id }, members: [{ userId: c.id }] })));
    const items = outcomes.map((o) => o.response[0]!);
    expect(items.filter((i) => i.errors.length === 0)).toHaveLength(4);
    const refused = items.filter((i) => i.errors.length > 0);
    expect(refused).toHaveLength(16);
    expect(new Set(refused.map((i) => i.errors[0]?.code))).toEqual(new Set([1638]));
    expect(await db.groupMembership.count({ where: { groupId: group.id, exitedAt: null } })).toBe(5);
  });

  it("makes one group of two simultaneous creates with one externalId; the other gets 1633", async () => {
    const input = { externalId: `race-${Date.now()}`, groupName: "Race", maxGroupSize: 5, extendedFields: {} };
    const results = await Promise.allSettled([createGroup({ orgId, actor, input }), createGroup({ orgId, actor, input })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const loser = results.find((r) => r.status === "rejected");
    expect(loser?.status === "rejected" && loser.reason instanceof AppError && loser.reason.code).toBe(1633);
    expect(await db.userGroup.count({ where: { orgId, externalId: input.externalId } })).toBe(1);
  });

  it("lets one of two simultaneous primaries in (1637 for the other)", async () => {
    const group = await createGroupRow(orgId);
    const [a, b] = [await createCustomer(orgId), await createCustomer(orgId)];
    const outcomes = await Promise.all([a, b].map((c) => joinGroup({ orgId, actor, selector: { id: group.id }, members: [{ userId: c.id, primaryMember: true }] })));
    const codes = outcomes.map((o) => o.response[0]?.errors[0]?.code ?? "ok").sort();
    expect(codes).toEqual([1637, "ok"]);
    expect(await db.groupMembership.count({ where: { groupId: group.id, primaryMember: true } })).toBe(1);
  });

  it("makes a customer primary of one of two groups joined at once (1642 for the other)", async () => {
    const [g1, g2] = [await createGroupRow(orgId), await createGroupRow(orgId)];
    const c = await createCustomer(orgId);
    const outcomes = await Promise.all([g1, g2].map((g) => joinGroup({ orgId, actor, selector: { id: g.id }, members: [{ userId: c.id, primaryMember: true }] })));
    expect(outcomes.map((o) => o.response[0]?.errors[0]?.code ?? "ok").sort()).toEqual([1642, "ok"]);
    expect(await db.groupMembership.count({ where: { customerId: c.id, primaryMember: true, exitedAt: null } })).toBe(1);
  });

  it("gives a customer one default group when two joins ask for it at once", async () => {
    const [g1, g2] = [await createGroupRow(orgId), await createGroupRow(orgId)];
    const c = await createCustomer(orgId);
    const outcomes = await Promise.all([g1, g2].map((g) => joinGroup({ orgId, actor, selector: { id: g.id }, members: [{ userId: c.id, defaultGroup: true }] })));
    expect(outcomes.every((o) => o.failureCount === 0)).toBe(true);
    expect(await db.groupMembership.count({ where: { customerId: c.id, defaultGroup: true, exitedAt: null } })).toBe(1);
  });
});
