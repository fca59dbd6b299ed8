import { z } from "zod";
import { idParam, pageQuery } from "@/lib/api/params";
import { CUSTOMER_ENTITY_IDENTIFIERS } from "./schema";

// The transfer histories' queries (SPEC-vendor-api §D.6). Client-safe.

export const transferHistoryQuery = z
  .object({
    identifierName: z.string().trim().min(1).max(50).meta({ description: `A customer's ${CUSTOMER_ENTITY_IDENTIFIERS.join(", ")}; with userEntityType=USERGROUP2, id or externalId.` }),
    identifierValue: z.string().trim().min(1).max(200),
    source: z.string().max(30).optional(),
    accountId: z.string().max(100).optional(),
    userEntityType: z.enum(["CUSTOMER", "USERGROUP2"]).default("CUSTOMER"),
    programId: idParam("program").optional().meta({ description: "Only transfers whose points left this program's wallet." }),
    ...pageQuery({ defaultLimit: 20, maxLimit: 100 }),
  })
  .superRefine((q, ctx) => {
    const names: readonly string[] = q.userEntityType === "USERGROUP2" ? ["id", "externalId"] : CUSTOMER_ENTITY_IDENTIFIERS;
    if (!names.includes(q.identifierName)) ctx.addIssue({ code: "custom", path: ["identifierName"], message: `must be one of ${names.join(", ")}` });
  });
export type TransferHistoryQuery = z.output<typeof transferHistoryQuery>;

export const customerTransfersParams = z.object({ id: idParam("customer") });
export const customerTransfersQuery = z.object({ ...pageQuery({ defaultLimit: 20, maxLimit: 100 }) });
