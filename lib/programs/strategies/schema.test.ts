import { describe, expect, it } from "vitest";
import { formValuesOf, normaliseRatio, programStrategiesFormSchema, type ProgramStrategiesFormInput } from "./schema";

const base: ProgramStrategiesFormInput = {
  programId: 3,
  pointsToCurrencyRatio: "0.25",
  transfersAllowed: true,
  redemptionEnabled: true,
  minimumPoints: "50",
  maximumPerTransaction: "",
  multiplesOf: "10",
  eligibilityBasis: "LIFETIME_POINTS",
  eligibilityThreshold: "150",
  expiryType: "EVENT_DATE",
  expiryValue: "12",
  expiryUnit: "MONTHS",
};

const errorsOf = (input: ProgramStrategiesFormInput) => {
  const parsed = programStrategiesFormSchema.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("programStrategiesFormSchema", () => {
  it("turns the form into the stored shapes", () => {
    expect(programStrategiesFormSchema.parse(base)).toEqual({
      programId: 3,
      pointsToCurrencyRatio: "0.25",
      transfersAllowed: true,
      redemption: { minimumPoints: 50, maximumPerTransaction: null, multiplesOf: 10, eligibility: { basis: "LIFETIME_POINTS", threshold: 150 } },
      defaultExpiry: { type: "EVENT_DATE", value: 12, unit: "MONTHS" },
    });
  });

  it("without a redemption strategy stores none, and NEVER needs no period", () => {
    const out = programStrategiesFormSchema.parse({ ...base, redemptionEnabled: false, minimumPoints: "", expiryType: "NEVER", expiryValue: "" });
    expect(out.redemption).toBeNull();
    expect(out.defaultExpiry).toEqual({ type: "NEVER" });
  });

  it("takes up to 10 decimals for the worth of a point, and nothing at or below 0", () => {
    expect(programStrategiesFormSchema.parse({ ...base, pointsToCurrencyRatio: "0.0000000001" }).pointsToCurrencyRatio).toBe("0.0000000001");
    expect(errorsOf({ ...base, pointsToCurrencyRatio: "0.00000000001" })).toHaveProperty("pointsToCurrencyRatio");
    expect(errorsOf({ ...base, pointsToCurrencyRatio: "0" })).toEqual({ pointsToCurrencyRatio: "A point must be worth more than 0." });
    expect(errorsOf({ ...base, pointsToCurrencyRatio: "abc" })).toHaveProperty("pointsToCurrencyRatio");
  });

  it("names the field of each inconsistency", () => {
    expect(errorsOf({ ...base, minimumPoints: "" })).toEqual({ minimumPoints: "Enter the minimum points to redeem (1 or more)." });
    expect(errorsOf({ ...base, maximumPerTransaction: "40" })).toEqual({ maximumPerTransaction: "The redemption limit cannot be below the minimum points." });
    expect(errorsOf({ ...base, maximumPerTransaction: "60", multiplesOf: "100" })).toHaveProperty("multiplesOf");
    expect(errorsOf({ ...base, eligibilityThreshold: "" })).toEqual({ eligibilityThreshold: "Enter the threshold the customer must reach." });
    expect(errorsOf({ ...base, expiryValue: "" })).toEqual({ expiryValue: "Enter the validity period." });
    expect(errorsOf({ ...base, expiryValue: "101", expiryUnit: "YEARS" })).toHaveProperty("expiryValue");
    expect(errorsOf({ ...base, minimumPoints: "1.5" })).toEqual({ minimumPoints: "Enter the minimum points as a whole number." });
  });

  it("gives the form back what it saved", () => {
    const saved = programStrategiesFormSchema.parse(base);
    const values = formValuesOf({ ...saved, programName: "P", defaultExpiry: saved.defaultExpiry });
    expect(programStrategiesFormSchema.parse(values)).toEqual(saved);
  });

  it("normalises ratios", () => {
    expect(normaliseRatio("1.0000000000")).toBe("1");
    expect(normaliseRatio("0.2500000000")).toBe("0.25");
    expect(normaliseRatio("010")).toBe("10");
  });
});
