"use server";

import { defineAction } from "@/lib/auth/action";
import { changeUserRole, createConsoleUser, resetUserPassword, setUserActive } from "@/lib/org/users";
import { changeUserRoleSchema, createConsoleUserSchema, resetUserPasswordSchema, setUserActiveSchema } from "@/lib/org/users-schema";

export const createConsoleUserAction = defineAction("users:manage", createConsoleUserSchema, (input, ctx) =>
  createConsoleUser({ orgId: ctx.orgId, actor: ctx.actor, input }),
);

export const changeUserRoleAction = defineAction("users:manage", changeUserRoleSchema, ({ userId, role }, ctx) =>
  changeUserRole({ orgId: ctx.orgId, actor: ctx.actor, userId, role }),
);

export const setUserActiveAction = defineAction("users:manage", setUserActiveSchema, ({ userId, active }, ctx) =>
  setUserActive({ orgId: ctx.orgId, actor: ctx.actor, userId, active }),
);

export const resetUserPasswordAction = defineAction("users:manage", resetUserPasswordSchema, ({ userId }, ctx) =>
  resetUserPassword({ orgId: ctx.orgId, actor: ctx.actor, userId }),
);
