import "server-only";
import { inPointsTransaction } from "@/lib/api/idempotency";
import { zodErrors, type ApiErrorItem } from "@/lib/api/envelope";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { prepareTransaction } from "./add-transaction";
import { bulkItemCustomerSchema, transactionBodySchema, type TransactionBody } from "./transaction-schema";

// POST /v2/transactions/bulk (SPEC-vendor-api §C.2): each element is a §C.1 body naming its own
// customer; each runs alone (its own transaction), so one bad bill fails only itself. The answer
// lists every element with its errors, and counts them.

export type BulkItemResult = {
  entityId: number | null;
  result: Record<string, unknown> | null;
  errors: ApiErrorItem[];
  warnings: unknown[];
};

export async function addTransactionsInBulk({ orgId, actor, till, items, requestId }: { orgId: number; actor: Actor; till: { id: number | null; code: string | null }; items: unknown[]; requestId: string }) {
  const response: BulkItemResult[] = [];
  for (const [i, raw] of items.entries()) {
    const customer = bulkItemCustomerSchema.safeParse(raw);
    const body = transactionBodySchema.safeParse(raw);
    if (!customer.success || !body.success) {
      const errors = [...(customer.success ? [] : zodErrors(customer.error, "body")), ...(body.success ? [] : zodErrors(body.error, "body"))];
      response.push({ entityId: null, result: null, errors, warnings: [] });
      continue;
    }
    try {
      const work = await prepareTransaction({
        orgId, actor, till, requestId: `${requestId}#${i}`,
        customer: { identifierName: customer.data.identifierType, identifierValue: customer.data.identifierValue },
        body: body.data as TransactionBody,
      });
      const answer = await inPointsTransaction(work);
      const out = answer.body as { createdId: number; warnings: unknown[]; sideEffects: unknown[] };
      response.push({ entityId: out.createdId, result: { ...(raw as object), sideEffects: out.sideEffects }, errors: [], warnings: out.warnings });
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      response.push({ entityId: null, result: null, errors: [{ status: false, code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) }], warnings: [] });
    }
  }
  return { response, totalCount: items.length, failureCount: response.filter((r) => r.errors.length > 0).length };
}
