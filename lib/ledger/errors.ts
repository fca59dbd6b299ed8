import { AppError } from "@/lib/errors";

/** The vendor's 818 "Current points are less than points requested": what a debit beyond the balance raises. */
export const INSUFFICIENT_POINTS = 818;

// The posting functions in the database raise their own SQLSTATEs (migration
// 20261201092548_ledger_engine); this turns them into domain errors. Anything else is rethrown.
const LEDGER_CODES: Record<string, (message: string) => AppError> = {
  LDG01: (m) => new AppError("CONFLICT", m, { code: INSUFFICIENT_POINTS }),
  LDG02: (m) => new AppError("NOT_FOUND", m),
  LDG03: (m) => new AppError("INVALID", m),
  LDG04: (m) => new AppError("CONFLICT", m, { code: 3802 }),
  LDG05: (m) => new AppError("INVALID", m),
};

export function isInsufficientPoints(error: unknown): boolean {
  return error instanceof AppError && error.code === INSUFFICIENT_POINTS;
}

export function mapLedgerError(error: unknown): unknown {
  const found = driverError(error);
  if (!found) return error;
  const make = LEDGER_CODES[found.code];
  if (!make) return error;
  const message = found.message.replace(/^ledger: /, "");
  return make(message.charAt(0).toUpperCase() + message.slice(1));
}

/** The PostgreSQL error code and message inside a Prisma error (driver adapters nest them) or a node-postgres one. */
export function driverError(error: unknown, depth = 0): { code: string; message: string } | null {
  if (!error || typeof error !== "object" || depth > 5) return null;
  const record = error as Record<string, unknown>;
  if (typeof record.originalCode === "string") {
    return { code: record.originalCode, message: typeof record.originalMessage === "string" ? record.originalMessage : "" };
  }
  // node-postgres' own DatabaseError (statements sent past Prisma, lib/db/sql.ts).
  if (typeof record.severity === "string" && typeof record.code === "string" && /^[0-9A-Z]{5}$/.test(record.code)) {
    return { code: record.code, message: typeof record.message === "string" ? record.message : "" };
  }
  for (const key of ["cause", "meta", "driverAdapterError"]) {
    const inner = driverError(record[key], depth + 1);
    if (inner) return inner;
  }
  return null;
}
