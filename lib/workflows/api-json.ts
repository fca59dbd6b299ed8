import "server-only";
import { respond } from "@/lib/api/with-api-client";
import type { ApiCaller } from "@/lib/auth/api-client";
import type { WorkflowPrincipal } from "./access";
import type { ExpressionProblem } from "./check-document";
import type { PendingRequestDto } from "./publish";
import type { WorkflowVersionDto } from "./versions";

// JSON of the workflow API. A refused expression is one error item per problem, with the JSON
// path of the expression as `field`, the checker's message, and where it is (range, line, column).

export function versionJson(v: WorkflowVersionDto) {
  return {
    number: v.number,
    state: v.state,
    revision: v.revision,
    note: v.note,
    author: v.author,
    publishedBy: v.publishedBy,
    publishedAt: v.publishedAt?.toISOString() ?? null,
    updatedAt: v.updatedAt.toISOString(),
    restoredFromNumber: v.restoredFromNumber,
  };
}

export function requestJson(r: PendingRequestDto) {
  return { id: r.id, status: "PENDING" as const, versionNumber: r.versionNumber, draftRevision: r.draftRevision, note: r.note, requestedBy: r.requestedBy, createdAt: r.createdAt.toISOString() };
}

export function problemsResponse(problems: readonly ExpressionProblem[], status: 400 | 422, requestId: string): Response {
  const errors = problems.map((p) => ({
    status: false as const,
    code: status,
    message: `Invalid expression : ${p.conditionName}: ${p.message} (line ${p.line}, column ${p.column})`,
    field: p.path,
    range: p.range,
    line: p.line,
    column: p.column,
  }));
  return respond(status, { warnings: [], errors }, requestId);
}

export function apiPrincipal(caller: ApiCaller): WorkflowPrincipal {
  return { actor: { kind: "apiClient", id: caller.id, label: caller.clientId }, role: "API_CLIENT" };
}
