import { z } from "zod";
import { idParam } from "@/lib/api/params";

// POST /v2/userGroup2/{groupId}/members/{customerId}/movePoints (lib/transfers/move-to-group.ts). Client-safe.

export const movePointsParams = z.object({ groupId: idParam("group"), customerId: idParam("customer") });
export const movePointsBody = z
  .object({
    programId: z.number().int().positive().max(2_147_483_647).optional().meta({ description: "The member's program wallet to empty; the default program when absent." }),
    notes: z.string().max(1000).optional(),
  })
  .default({});
