import { createHash } from "node:crypto";

// PostgreSQL parses and plans an unnamed statement on every call, but a named one once per
// connection, and after five runs it keeps one generic plan. The API's hot reads are joins whose
// planning costs more than their execution: the bill's member read plans in 2-3 ms and runs in
// 0.3 ms (bench:transactions). So every statement Prisma sends is named after its SQL text.
// Names are per process and capped: a query shape past the cap (e.g. an IN list of a new length)
// is sent unnamed, so the statements each database connection keeps stay bounded.
export const MAX_NAMED_STATEMENTS = 2000;
const names = new Map<string, string>();

/** The prepared-statement name for this SQL text ("" sends it unnamed). */
export function statementName(query: { sql: string }): string {
  const known = names.get(query.sql);
  if (known !== undefined) return known;
  if (names.size >= MAX_NAMED_STATEMENTS) return "";
  // The same text gets the same name in every process: the embedded database's one session is
  // shared by all of its connections (lib/db/embedded.ts relies on it).
  const name = `lc_${createHash("sha256").update(query.sql).digest("base64url").slice(0, 32)}`;
  names.set(query.sql, name);
  return name;
}
