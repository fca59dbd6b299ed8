import "server-only";
import { z } from "zod";
import { toExprFields } from "@/lib/customers/extended-fields";
import type { ExtendedFieldDecl } from "@/lib/expr";
import type { Prisma } from "@/lib/generated/prisma/client";

// The schema conditions are checked against: built-in attributes plus the org's declared,
// active extended fields. A version stores the declarations it was checked with
// (WorkflowVersion.fieldsSnapshot), so a LIVE version compiles as it was published even after a
// field is deactivated (issue 8), while the next save or publish sees the change.

type Reader = Pick<Prisma.TransactionClient, "extendedFieldDef">;

export async function orgFieldDecls(client: Reader, orgId: number): Promise<ExtendedFieldDecl[]> {
  const defs = await client.extendedFieldDef.findMany({
    where: { orgId, active: true },
    orderBy: [{ scope: "asc" }, { name: "asc" }],
    select: { scope: true, name: true, type: true, allowedValues: true, active: true },
  });
  return toExprFields(defs);
}

const declSchema = z.object({
  name: z.string(),
  scope: z.enum(["TRANSACTION", "CUSTOMER", "USERGROUP"]),
  type: z.enum(["string", "number", "boolean", "date", "enum"]),
  allowedValues: z.array(z.string()).optional(),
});

/** Reads a stored snapshot; a damaged one (never written by us) falls back to no fields. */
export function snapshotDecls(json: unknown): ExtendedFieldDecl[] {
  const parsed = z.array(declSchema).safeParse(json);
  return parsed.success ? parsed.data : [];
}

export { schemaOf } from "./org-schema-client";
