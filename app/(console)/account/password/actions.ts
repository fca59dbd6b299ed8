"use server";

import { cookies } from "next/headers";
import { defineAction } from "@/lib/auth/action";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { changeOwnPassword } from "@/lib/org/users";
import { changePasswordSchema } from "@/lib/org/users-schema";

// The first-sign-in page (/set-password) and the account page use this one action.
export const changePasswordAction = defineAction("account:password", changePasswordSchema, async (input, ctx) => {
  const { sessionVersion } = await changeOwnPassword({ orgId: ctx.orgId, actor: ctx.actor, userId: ctx.user.id, input });
  // The change ended every session of the user, this one included: re-issue its cookie at the
  // new version so the person who changed it stays signed in here, and only here.
  const cookie = await sessionCookie({ ...ctx.user, sessionVersion });
  (await cookies()).set(cookie.name, cookie.value, cookie.options);
  return { changed: true };
});
