import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fuzzTargets } from "@/lib/testing/fuzz/targets";
import { boundedPattern, unboundedSpots } from "./schema-bounds";

// Every string an API route reads (path, query, body) has a maximum length in its zod schema, so
// no field can carry a megabyte into the domain code or the database (issue 10).

const spotsOf = (schema: z.ZodType) => unboundedSpots(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>, "body");

describe("unboundedSpots", () => {
  it("finds a string without a maximum wherever it is nested", () => {
    const schema = z.object({
      ok: z.string().max(10),
      choice: z.enum(["a", "b"]),
      digits: z.string().regex(/^\d{1,10}$/),
      free: z.string(),
      list: z.array(z.object({ note: z.string().optional() })),
      either: z.union([z.number(), z.string().regex(/^\d+$/)]),
      map: z.record(z.string(), z.string()),
    });
    expect(spotsOf(schema)).toEqual(["body.free", "body.list[].note", "body.either", "body.map.*"]);
  });

  it("counts a pattern as a bound only when it cannot match longer and longer text", () => {
    expect(boundedPattern("^[1-9]\\d{0,9}$")).toBe(true);
    expect(boundedPattern("^(a|bc){2,4}$")).toBe(true);
    expect(boundedPattern("^\\d+$")).toBe(false);
    expect(boundedPattern("^a{2,}$")).toBe(false);
    expect(boundedPattern("\\d{1,3}")).toBe(false); // not anchored: "x123…" matches too
    expect(boundedPattern("^[*+]\\*$")).toBe(true);
  });
});

describe("every API route's input schemas", () => {
  it("bound every string they read", async () => {
    const unbounded: string[] = [];
    const targets = await fuzzTargets();
    expect(targets.length).toBeGreaterThan(40);
    for (const target of targets) {
      for (const part of ["params", "query", "body"] as const) {
        const schema = target.shape[part];
        if (schema) unbounded.push(...unboundedSpots(schema, part).map((spot) => `${target.label} ${spot}`));
      }
    }
    expect(unbounded).toEqual([]);
  }, 120_000);
});
