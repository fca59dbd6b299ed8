import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createCustomer, createGroupRow, createGroupsOrg } from "@/lib/testing/groups-factories";
import { uniqueViolation } from "./store";

// The join maps each partial unique index to its own code; that needs the index's name.
describe("uniqueViolation", () => {
  it("names the partial unique index a membership insert ran into", async () => {
    const { orgId } = await createGroupsOrg();
    const group = await createGroupRow(orgId);
    const [a, b] = [await createCustomer(orgId), await createCustomer(orgId)];
    await db.groupMembership.create({ data: { orgId, groupId: group.id, customerId: a.id, primaryMember: true } });
    const second = await db.groupMembership.create({ data: { orgId, groupId: group.id, customerId: b.id, primaryMember: true } }).catch((e: unknown) => e);
    expect(uniqueViolation(second)).toContain("GroupMembership_one_primary");
    const again = await db.groupMembership.create({ data: { orgId, groupId: group.id, customerId: a.id } }).catch((e: unknown) => e);
    expect(uniqueViolation(again)).toContain("GroupMembership_one_current");
    expect(uniqueViolation(new Error("other"))).toBeNull();
  });
});
