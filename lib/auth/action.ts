import "server-only";
import { z } from "zod";
import { toAppError } from "@/lib/db/errors";
import { can, type Permission } from "./permissions";
import { currentUser } from "./session";
import type { SessionUser } from "./users";

import type { Actor } from "./actor";

export type ActionContext = { user: SessionUser; orgId: number; actor: Actor };

export type ActionError = {
  code: "UNAUTHENTICATED" | "FORBIDDEN" | "VALIDATION" | "NOT_FOUND" | "CONFLICT" | "INVALID" | "UNAVAILABLE" | "INTERNAL";
  message: string;
  /** Messages for form fields, keyed by field path (lands in react-hook-form's setError). */
  fieldErrors?: Record<string, string>;
};

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

/**
 * The only way to define a console server action. It authenticates, authorises by the role
 * matrix, parses input with the zod schema the form also uses, and turns domain errors into
 * results; the org always comes from the session, never from the client. An action that forgets
 * auth cannot be written: there is no other constructor (lib/auth/actions-are-guarded.test.ts).
 */
export function defineAction<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  run: (input: z.output<S>, ctx: ActionContext) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    const user = await currentUser();
    if (!user) return failure("UNAUTHENTICATED", "Your session has ended. Sign in again.");
    // A temporary password buys nothing but replacing it, whatever the page in front shows.
    if (user.mustChangePassword && permission !== "account:password") {
      return failure("FORBIDDEN", "Choose your own password first: you are signed in with a temporary one.");
    }
    if (!can(user.role, permission)) return failure("FORBIDDEN", "Your role does not allow this.");
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      return { ok: false, error: { code: "VALIDATION", message: "Check the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) } };
    }
    const ctx: ActionContext = { user, orgId: user.orgId, actor: { kind: "user", id: user.id, label: user.email } };
    try {
      return { ok: true, data: await run(parsed.data, ctx) };
    } catch (error) {
      // Domain errors, and database errors lib/db/errors.ts can explain (a conflict is a
      // message to the user, not a crash).
      const known = toAppError(error);
      if (known) {
        if (known.kind === "UNAVAILABLE") console.error("server action: database unavailable", error);
        // A domain "bad request" is, to a form, a validation failure.
        const code = known.kind === "BAD_REQUEST" ? "VALIDATION" : known.kind;
        return { ok: false, error: { code, message: known.message, ...(known.field ? { fieldErrors: { [known.field]: known.message } } : {}) } };
      }
      console.error("server action failed", error);
      return failure("INTERNAL", "Something went wrong on our side. Try again; if it persists, tell your admin.");
    }
  };
}

function failure(code: ActionError["code"], message: string): { ok: false; error: ActionError } {
  return { ok: false, error: { code, message } };
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}
