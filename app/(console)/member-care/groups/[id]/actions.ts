"use server";

import { z } from "zod";
import { defineAction } from "@/lib/auth/action";
import { leaveGroup } from "@/lib/groups/leave";

const removeSchema = z.object({ groupId: z.number().int().positive(), customerId: z.number().int().positive() });

/** Member Care removes a member through the same rule the API's leave uses. */
export const removeGroupMemberAction = defineAction("member-care:write", removeSchema, async ({ groupId, customerId }, ctx) => {
  return leaveGroup({ orgId: ctx.orgId, actor: ctx.actor, groupId, identifier: { name: "id", value: String(customerId) } });
});
