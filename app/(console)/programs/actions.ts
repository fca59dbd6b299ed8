"use server";

import { defineAction } from "@/lib/auth/action";
import { addProgramEntities } from "@/lib/programs/add-entities";
import { createProgram } from "@/lib/programs/create-program";
import { addProgramEntitiesSchema, createProgramSchema, setProgramActiveSchema, updateProgramSchema } from "@/lib/programs/schema";
import { setProgramActive, updateProgram } from "@/lib/programs/update-program";

// Program writes (SPEC §6): ADMIN and PROGRAM_MANAGER only, checked here on every call.

export const createProgramAction = defineAction("programs:write", createProgramSchema, async (input, ctx) =>
  createProgram({ orgId: ctx.orgId, actor: ctx.actor, input }),
);

export const updateProgramAction = defineAction("programs:write", updateProgramSchema, async (input, ctx) => {
  await updateProgram({ orgId: ctx.orgId, actor: ctx.actor, input });
  return { saved: true };
});

export const setProgramActiveAction = defineAction("programs:write", setProgramActiveSchema, async (input, ctx) =>
  setProgramActive({ orgId: ctx.orgId, actor: ctx.actor, input }),
);

export const addProgramEntitiesAction = defineAction("programs:write", addProgramEntitiesSchema, async (input, ctx) =>
  addProgramEntities({ orgId: ctx.orgId, actor: ctx.actor, input }),
);
