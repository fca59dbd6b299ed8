import { describe, expect, it } from "vitest";
import { createProgramSchema, FORBIDDEN_NAME_CHARS, forbiddenNameChars, programNameSchema, updateProgramSchema } from "./schema";

const messageOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe("program name", () => {
  it("accepts letters, digits and spaces, and trims", () => {
    expect(programNameSchema.parse("  Trends Style Club 2  ")).toBe("Trends Style Club 2");
  });

  it.each([...FORBIDDEN_NAME_CHARS])("refuses %s, naming the character", (char) => {
    const result = programNameSchema.safeParse(`Club ${char} One`);
    expect(result.success).toBe(false);
    expect(messageOf(result)).toBe(`Name cannot contain "${char}".`);
  });

  it("names every forbidden character of a name at once, each once, and refuses < as well as >", () => {
    expect(forbiddenNameChars("a@b#c@")).toEqual(["@", "#"]);
    expect(forbiddenNameChars("Gold Club")).toEqual([]);
    expect(messageOf(programNameSchema.safeParse("<Gold> & Co."))).toBe('Name cannot contain "<", ">", "&" or ".".');
    expect(messageOf(programNameSchema.safeParse("Club<script"))).toBe('Name cannot contain "<".');
  });

  it("is required and at most 100 characters", () => {
    expect(messageOf(programNameSchema.safeParse("   "))).toBe("Enter a program name.");
    expect(programNameSchema.safeParse("a".repeat(100)).success).toBe(true);
    expect(messageOf(programNameSchema.safeParse("a".repeat(101)))).toBe("Keep the name to 100 characters or fewer.");
  });

  it("allows characters the docs do not list, such as an apostrophe or a comma", () => {
    expect(programNameSchema.safeParse("Priya's Club, Gold").success).toBe(true);
  });
});

describe("create and update schemas", () => {
  const valid = { name: "Gold Club", description: "For jewellery", contributorIds: [1], entityIds: [2, 3], active: false };

  it("accepts a complete form", () => {
    expect(createProgramSchema.parse(valid)).toEqual(valid);
  });

  it("keeps the description short", () => {
    const result = createProgramSchema.safeParse({ ...valid, description: "x".repeat(501) });
    expect(messageOf(result)).toBe("Keep the description to 500 characters or fewer.");
  });

  it("refuses non-positive ids", () => {
    expect(createProgramSchema.safeParse({ ...valid, entityIds: [0] }).success).toBe(false);
    expect(updateProgramSchema.safeParse({ programId: -1, name: "A", description: "" }).success).toBe(false);
  });
});
