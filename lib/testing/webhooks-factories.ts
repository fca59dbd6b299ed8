import { db } from "@/lib/db/client";

// Reads for the webhook API's tests (app/api/v3): route tests reach the database only through
// lib/ (eslint), so what they check is read here.
export const webhooksDb = {
  subscription: (id: number) => db.webhookSubscription.findUniqueOrThrow({ where: { id } }),
  count: (orgId: number) => db.webhookSubscription.count({ where: { orgId } }),
  audit: (orgId: number, action: "webhook.create" | "webhook.update") => db.auditEntry.findFirstOrThrow({ where: { orgId, action }, orderBy: { id: "desc" } }),
};
