import type { z } from "zod";

// The vendor's error envelope (SPEC "Common API conventions"):
// { warnings: [], errors: [{ status: false, code, message }] }. We add `field` where an error
// belongs to one input field.
export type ApiErrorItem = { status: false; code: number; message: string; field?: string };
export type ApiErrorBody = { warnings: string[]; errors: ApiErrorItem[] };

export function errorBody(errors: ApiErrorItem[]): ApiErrorBody {
  return { warnings: [], errors };
}

export function apiError(code: number, message: string, field?: string): ApiErrorItem {
  return field ? { status: false, code, message, field } : { status: false, code, message };
}

/**
 * Zod issues as the vendor's code 400 "Invalid input : {x}." items, one per field. A schema that
 * knows the vendor's own code for a problem (8056 "Invalid mobile number") puts it in the issue's
 * `params.apiCode`; the item then carries that code and the message as written.
 */
export function zodErrors(error: z.ZodError, where: "query" | "body" | "path"): ApiErrorItem[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join(".");
    const apiCode = "params" in issue ? (issue.params as { apiCode?: unknown } | undefined)?.apiCode : undefined;
    if (typeof apiCode === "number") return apiError(apiCode, issue.message, field || undefined);
    const label = field ? `${where === "body" ? "" : `${where} `}${field}` : where;
    return apiError(400, `Invalid input : ${label}: ${issue.message}.`, field || undefined);
  });
}
