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
 * Zod issues as the vendor's code 400 "Invalid input : {x}." items, one per field: the first
 * issue of a field is the one that says what is wrong; a second ("too big" after "not a number")
 * only repeats it in zod's words. A custom issue that carries a vendor code (`params: { code }`,
 * e.g. 1634 from lib/groups) keeps its code and message: the schema the console's form uses then
 * answers the API with the vendor's codes too.
 */
export function zodErrors(error: z.ZodError, where: "query" | "body" | "path"): ApiErrorItem[] {
  const seen = new Set<string>();
  const items: ApiErrorItem[] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".");
    if (seen.has(field)) continue;
    seen.add(field);
    const vendorCode = issue.code === "custom" ? (issue.params as { code?: unknown } | undefined)?.code : undefined;
    if (typeof vendorCode === "number") {
      items.push(apiError(vendorCode, issue.message, field || undefined));
      continue;
    }
    const label = field ? `${where === "body" ? "" : `${where} `}${field}` : where;
    // The vendor's items end in one full stop; our messages are sentences that may have one already.
    items.push(apiError(400, `Invalid input : ${label}: ${issue.message.replace(/[.!?]$/, "")}.`, field || undefined));
  }
  return items;
}
