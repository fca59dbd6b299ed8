import { describe, expect, it } from "vitest";
import { buildSchema } from "@/lib/expr";
import { db } from "@/lib/db/client";
import { createCustomer, createGroupRow, enrolAtTier } from "@/lib/testing/groups-factories";
import { createWorkflowOrg } from "@/lib/testing/workflow-factories";
import { simulateWorkflow } from "./evaluate";
import { workflowDocumentSchema } from "./schema";
import { listSimulationCustomers } from "./simulation-profiles";

describe("customers for the simulator", () => {
  it("gives a customer's program tier, group and extended fields as the profiles conditions read", async () => {
    const env = await createWorkflowOrg();
    const ada = await createCustomer(env.org.id, { firstName: "Ada" });
    await db.customer.update({ where: { id: ada.id }, data: { extendedFields: { gender: "F" } } });
    await enrolAtTier(env.org.id, env.program.id, ada.id, 2);
    const group = await createGroupRow(env.org.id, { groupName: "Lovelace family" });
    await db.groupMembership.create({ data: { orgId: env.org.id, groupId: group.id, customerId: ada.id, primaryMember: true, defaultGroup: true } });
    const bob = await createCustomer(env.org.id, { firstName: "Bob" });
    const stranger = await createWorkflowOrg();
    await createCustomer(stranger.org.id, { firstName: "Ada" });

    const found = await listSimulationCustomers({ orgId: env.org.id, programId: env.program.id, search: "ada" });
    expect(found.map((c) => c.id)).toEqual([ada.id]);
    expect(found[0]?.context).toMatchObject({
      currentCustomer: { firstname: "Ada", isGroupMember: true, slabNumber: 2, slabName: "Gold", extField_gender: "F" },
      currentUserGroup: { id: group.id, name: "Lovelace family", externalId: group.externalId },
    });
    const [plain] = await listSimulationCustomers({ orgId: env.org.id, programId: env.program.id, search: String(bob.id) });
    expect(plain?.context).toEqual({ currentCustomer: expect.objectContaining({ firstname: "Bob", isGroupMember: false }) });

    // The context runs as is: a condition on the customer's tier and group matches.
    const document = workflowDocumentSchema.parse({
      activities: [{ activity: "TransactionAdd", rulesets: [{ name: "Gold", conditions: [{ name: "Gold member", expression: "currentCustomer.slabNumber == 2 && currentCustomer.isGroupMember", whenTrue: [{ type: "UPGRADE_TIER" }] }] }] }],
    });
    const out = simulateWorkflow(document, buildSchema(), { activity: "TransactionAdd", context: { ...found[0]!.context, currentTxn: { value: 10 } }, eventDate: new Date() });
    expect(out.rulesets[0]?.conditions[0]?.result).toBe(true);
  });
});
