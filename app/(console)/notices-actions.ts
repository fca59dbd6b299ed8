"use server";

import { z } from "zod";
import { defineAction } from "@/lib/auth/action";
import { markNoticesRead } from "@/lib/org/notices";

// Every role reads programs, so every signed-in user may clear their own notices.
export const markNoticesReadAction = defineAction("programs:read", z.object({}), async (_input, ctx) => {
  await markNoticesRead({ orgId: ctx.orgId, userId: ctx.user.id });
  return { read: true };
});
