import { AppError, type AppErrorKind } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

// Every database error the app can explain, mapped in this one place. Both doors call
// toAppError (lib/auth/action.ts for server actions, lib/api/with-api-client.ts for routes), so
// a unique, serialisation or deadlock conflict that a call site did not foresee is a 409 with a
// clear message, never a 500. Call sites that can say more (which field is taken) use
// mapDbError with their own words. Whatever is not listed here stays a bug and is logged.

type Known = { kind: AppErrorKind; message: string };

export const DB_MESSAGES = {
  unique: "That value is already in use.",
  conflict: "Someone else changed the same data at the same moment. Nothing was saved; try again.",
  inUse: "It is still used by other records, or refers to one that no longer exists.",
  rule: "The change was refused: it would break a rule of the stored data (for example a balance below zero).",
  notFound: "Not found.",
  busy: "The database is busy or unreachable right now. Nothing was saved; try again in a moment.",
  unstorable: "A value cannot be stored as sent (a NUL character, a number or date out of range, or text too long). Nothing was saved.",
} as const;

// PostgreSQL SQLSTATEs (appendix A of its manual) that are conflicts a caller can resolve by
// retrying or by changing the input; they are the same on PGlite.
const BY_SQLSTATE: Record<string, Known> = {
  "23505": { kind: "CONFLICT", message: DB_MESSAGES.unique }, // unique_violation
  "40001": { kind: "CONFLICT", message: DB_MESSAGES.conflict }, // serialization_failure
  "40P01": { kind: "CONFLICT", message: DB_MESSAGES.conflict }, // deadlock_detected
  "55P03": { kind: "CONFLICT", message: DB_MESSAGES.conflict }, // lock_not_available (NOWAIT)
  "23503": { kind: "CONFLICT", message: DB_MESSAGES.inUse }, // foreign_key_violation
  "23001": { kind: "CONFLICT", message: DB_MESSAGES.inUse }, // restrict_violation
  "23514": { kind: "CONFLICT", message: DB_MESSAGES.rule }, // check_violation
  // Data exceptions (class 22) and an index entry too large (54000) come from input the schemas
  // let through: text with a NUL character, a number or date out of the column's range. The
  // statement failed, so nothing was written; the caller's input is at fault, not the server.
  "22001": { kind: "BAD_REQUEST", message: DB_MESSAGES.unstorable }, // string_data_right_truncation
  "22003": { kind: "BAD_REQUEST", message: DB_MESSAGES.unstorable }, // numeric_value_out_of_range
  "22007": { kind: "BAD_REQUEST", message: DB_MESSAGES.unstorable }, // invalid_datetime_format
  "22008": { kind: "BAD_REQUEST", message: DB_MESSAGES.unstorable }, // datetime_field_overflow
  "22021": { kind: "BAD_REQUEST", message: DB_MESSAGES.unstorable }, // character_not_in_repertoire (NUL in text)
  "22P02": { kind: "BAD_REQUEST", message: DB_MESSAGES.unstorable }, // invalid_text_representation
  "22P05": { kind: "BAD_REQUEST", message: DB_MESSAGES.unstorable }, // untranslatable_character (\u0000 in jsonb)
  "54000": { kind: "BAD_REQUEST", message: DB_MESSAGES.unstorable }, // program_limit_exceeded (index row too large)
  "53300": { kind: "UNAVAILABLE", message: DB_MESSAGES.busy }, // too_many_connections
  "57014": { kind: "UNAVAILABLE", message: DB_MESSAGES.busy }, // query_canceled (statement timeout)
  // The connection was dropped under the request: its backend terminated (pg_terminate_backend,
  // a failover, a restart). The statement did not commit, so retrying is safe.
  "57P01": { kind: "UNAVAILABLE", message: DB_MESSAGES.busy }, // admin_shutdown
  "57P02": { kind: "UNAVAILABLE", message: DB_MESSAGES.busy }, // crash_shutdown
  "57P03": { kind: "UNAVAILABLE", message: DB_MESSAGES.busy }, // cannot_connect_now (starting up)
};

// Class 08, connection exceptions (08000, 08003, 08006…): all mean the connection is gone.
const CONNECTION_EXCEPTION_CLASS = "08";

// Prisma's own codes (https://www.prisma.io/docs/orm/reference/error-reference).
const BY_PRISMA_CODE: Record<string, Known> = {
  P2002: BY_SQLSTATE["23505"]!,
  P2034: BY_SQLSTATE["40001"]!, // transaction write conflict or deadlock
  P2003: BY_SQLSTATE["23503"]!,
  P2025: { kind: "NOT_FOUND", message: DB_MESSAGES.notFound },
  P2028: { kind: "UNAVAILABLE", message: DB_MESSAGES.busy }, // transaction could not start or expired
  P2024: { kind: "UNAVAILABLE", message: DB_MESSAGES.busy }, // connection pool timeout
  P1001: { kind: "UNAVAILABLE", message: DB_MESSAGES.busy }, // server unreachable
  P1002: { kind: "UNAVAILABLE", message: DB_MESSAGES.busy },
  P1008: { kind: "UNAVAILABLE", message: DB_MESSAGES.busy },
  P1017: { kind: "UNAVAILABLE", message: DB_MESSAGES.busy }, // server closed the connection
};

// Kinds the driver adapter reports when it never reached a query.
const UNAVAILABLE_DRIVER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/** The domain error a database error means, or null when it is not one we can explain (a bug). */
export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const known = describe(error);
  return known ? new AppError(known.kind, known.message) : null;
}

/**
 * For call sites that know what a conflict means in their words: a taken name on its field, a
 * missing row by its name. Returns the error to throw (unmapped errors are returned unchanged).
 */
export function mapDbError(error: unknown, words: { unique?: string; notFound?: string; field?: string } = {}): unknown {
  if (error instanceof AppError) return error;
  const known = describe(error);
  if (!known) return error;
  const isUnique = prismaCode(error) === "P2002" || sqlState(error) === "23505";
  if (isUnique && words.unique) return new AppError("CONFLICT", words.unique, { field: words.field });
  if (known.kind === "NOT_FOUND" && words.notFound) return new AppError("NOT_FOUND", words.notFound);
  return new AppError(known.kind, known.message);
}

/** True when the error is a unique violation (any call site that must look again after a race). */
export function isUniqueViolation(error: unknown): boolean {
  return prismaCode(error) === "P2002" || sqlState(error) === "23505";
}

/**
 * Which unique index or constraint a unique violation hit (its name, as the driver reports it),
 * or null when the error is not a unique violation. For call sites that guard several partial
 * unique indexes on one table and answer each differently.
 */
export function violatedUniqueIndex(error: unknown): string | null {
  if (!isUniqueViolation(error)) return null;
  const cause = driverCause(error);
  const constraint = cause && isObject(cause.constraint) ? cause.constraint : undefined;
  const name = constraint?.index ?? constraint?.fields ?? (isObject(error) && isObject(error.meta) ? error.meta.target : undefined);
  return name === undefined ? "" : Array.isArray(name) ? name.join(",") : String(name);
}

function describe(error: unknown): Known | null {
  const state = sqlState(error);
  if (state && BY_SQLSTATE[state]) return BY_SQLSTATE[state];
  if (state?.startsWith(CONNECTION_EXCEPTION_CLASS)) return { kind: "UNAVAILABLE", message: DB_MESSAGES.busy };
  const code = prismaCode(error);
  if (code && BY_PRISMA_CODE[code]) return BY_PRISMA_CODE[code];
  const kind = driverCause(error)?.kind;
  if (typeof kind === "string" && UNAVAILABLE_DRIVER_KINDS.has(kind)) return { kind: "UNAVAILABLE", message: DB_MESSAGES.busy };
  if (error instanceof Prisma.PrismaClientInitializationError) return { kind: "UNAVAILABLE", message: DB_MESSAGES.busy };
  if (isLostConnection(error)) return { kind: "UNAVAILABLE", message: DB_MESSAGES.busy };
  return null;
}

// node-postgres itself (lib/db/sql.ts sends some statements past Prisma): the socket failed or
// closed under the query, or the pool could not connect in time. Nothing was committed.
const SOCKET_ERRORS = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND"]);
const LOST_CONNECTION = /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect)/;

function isLostConnection(error: unknown): boolean {
  // "aborted" is the HTTP client's request going away, not the database's socket.
  if (!(error instanceof Error) || error.message === "aborted") return false;
  const code = (error as Error & { code?: unknown }).code;
  return (typeof code === "string" && SOCKET_ERRORS.has(code)) || LOST_CONNECTION.test(error.message);
}

function prismaCode(error: unknown): string | undefined {
  return error instanceof Prisma.PrismaClientKnownRequestError ? error.code : undefined;
}

// The SQLSTATE, wherever the layers put it: Prisma's driver-adapter error (model queries and raw
// SQL alike), the adapter's own DriverAdapterError, or node-postgres' DatabaseError.
function sqlState(error: unknown): string | undefined {
  const cause = driverCause(error);
  const fromCause = cause?.originalCode ?? cause?.code;
  if (typeof fromCause === "string") return fromCause;
  if (isObject(error) && typeof error.code === "string" && /^[0-9A-Z]{5}$/.test(error.code) && !/^P\d{4}$/.test(error.code)) return error.code;
  return undefined;
}

function driverCause(error: unknown): Record<string, unknown> | undefined {
  if (!isObject(error)) return undefined;
  const meta = isObject(error.meta) ? error.meta : undefined;
  const adapterError = meta && isObject(meta.driverAdapterError) ? meta.driverAdapterError : error.name === "DriverAdapterError" ? error : undefined;
  return adapterError && isObject(adapterError.cause) ? adapterError.cause : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
