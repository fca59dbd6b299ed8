import { describe, expect, it } from "vitest";
import { MAX_INPUT, regexProblem, safeMatches } from "./regex-guard";

describe("regex guard", () => {
  it("accepts ordinary patterns and matches the whole text", () => {
    for (const p of ["[A-Z]{3}-\\d+", "Co.*", "(ab|cd)x", "(?:abc)+", "a{2,4}", "\\(x\\)+", "[(+*]+"]) expect(regexProblem(p), p).toBeNull();
    expect(safeMatches("ABC-12", "[A-Z]{3}-\\d+")).toBe(true);
    expect(safeMatches("xABC-12", "[A-Z]{3}-\\d+")).toBe(false);
    expect(safeMatches("a|b", "a|b")).toBe(false);
    expect(safeMatches("b", "a|b")).toBe(true);
  });

  it("refuses patterns that can backtrack catastrophically", () => {
    for (const p of ["(a+)+$", "(a*)*b", "(a|aa)+", "(\\d+)*x", "((ab)+)+", "(a{1,5}){2,}", "(.*a){3}"]) {
      expect(regexProblem(p), p).toContain("repeated group");
    }
    expect(regexProblem("(a)\\1")).toContain("Backreferences");
    expect(regexProblem("a(?=b)")).toContain("Lookahead");
    expect(regexProblem("a*b*c*d*")).toContain("open-ended");
    expect(regexProblem("(")).toContain("not a valid");
    expect(regexProblem("a".repeat(201))).toContain("longer");
  });

  it("never matches over-long text and answers quickly on adversarial input", () => {
    expect(safeMatches("a".repeat(MAX_INPUT + 1), "a+")).toBe(false);
    const started = performance.now();
    expect(safeMatches("a".repeat(MAX_INPUT - 1) + "!", "a*a*a*b")).toBe(false);
    expect(safeMatches("x", "(a+)+$")).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
