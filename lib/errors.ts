// Domain errors: thrown by lib/, turned into the API's error envelope by lib/api and into form
// errors by the action client. `code` is stable (SPEC codes where the vendor has one).
export type AppErrorKind = "BAD_REQUEST" | "NOT_FOUND" | "CONFLICT" | "INVALID" | "FORBIDDEN" | "UNAUTHENTICATED" | "UNAVAILABLE";

const STATUS: Record<AppErrorKind, number> = {
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID: 422,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  // The database is unreachable or too busy: the caller may retry; nothing was changed.
  UNAVAILABLE: 503,
};

export class AppError extends Error {
  readonly kind: AppErrorKind;
  readonly code: number;
  /** The input field the error belongs to, when there is one (forms show it there). */
  readonly field: string | undefined;

  constructor(kind: AppErrorKind, message: string, options: { code?: number; field?: string } = {}) {
    super(message);
    this.name = "AppError";
    this.kind = kind;
    this.code = options.code ?? STATUS[kind];
    this.field = options.field;
  }

  get status(): number {
    return STATUS[this.kind];
  }
}

export const notFound = (what: string, code?: number) => new AppError("NOT_FOUND", `${what} not found`, { code });
