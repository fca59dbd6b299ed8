import { describe, expect, it } from "vitest";
import { MAX_NAMED_STATEMENTS, statementName } from "./statement-names";

describe("statementName", () => {
  it("gives one SQL text one name, the same in every process, and another text another", () => {
    const name = statementName({ sql: "SELECT 1" });
    expect(name).toMatch(/^lc_[A-Za-z0-9_-]{32}$/);
    expect(statementName({ sql: "SELECT 1" })).toBe(name);
    expect(statementName({ sql: "SELECT 2" })).not.toBe(name);
    // Fits PostgreSQL's 63-byte identifiers.
    expect(name.length).toBeLessThanOrEqual(63);
  });

  it("sends texts past the cap unnamed, and keeps naming the ones it knows", () => {
    const known = statementName({ sql: "SELECT 'known'" });
    for (let i = 0; i < MAX_NAMED_STATEMENTS; i++) statementName({ sql: `SELECT ${i} AS filler` });
    expect(statementName({ sql: "SELECT 'one too many'" })).toBe("");
    expect(statementName({ sql: "SELECT 'known'" })).toBe(known);
  });
});
