import { describe, expect, it } from "vitest";
import { SINGLE_ROLLING_EXPIRY_DEFAULT } from "@/lib/org/rolling-expiry-schema";
import { rollingDecision, type RollingConfigs } from "./rolling-rules";

const plain: RollingConfigs = { SINGLE_ROLLING_EXPIRY: SINGLE_ROLLING_EXPIRY_DEFAULT, ROLLING_EXPIRY_INCLUDE_ZERO_POINTS: false, FLEET_GROUP_LOYALTY_ENABLED: false, FLEET_ENTITY_TYPE: "USERGROUP" };
const single: RollingConfigs = { ...plain, SINGLE_ROLLING_EXPIRY: { enabled: true, period: 12, unit: "MONTHS", events: ["TransactionAdd", "PointsRedemption"] } };
const earned = (entries: [number, number][]) => new Map(entries);

describe("which lots an event rolls", () => {
  it("plain rolling: a transaction rolls the programs it earned in, each lot by its own period", () => {
    expect(rollingDecision({ event: "TransactionAdd", programIds: [1, 2], pointsByProgram: earned([[1, 10], [2, 0]]) }, plain)).toEqual({ programIds: [1], override: null, group: false });
  });

  it("plain rolling: an event that awards nothing rolls nothing; with ROLLING_EXPIRY_INCLUDE_ZERO_POINTS it does", () => {
    const input = { event: "TransactionAdd" as const, programIds: [1], pointsByProgram: earned([[1, 0]]) };
    expect(rollingDecision(input, plain)).toBeNull();
    expect(rollingDecision(input, { ...plain, ROLLING_EXPIRY_INCLUDE_ZERO_POINTS: true })).toEqual({ programIds: [1], override: null, group: false });
  });

  it("plain rolling works only on a transaction", () => {
    expect(rollingDecision({ event: "PointsRedemption", programIds: [1] }, plain)).toBeNull();
    expect(rollingDecision({ event: "TransactionReturn", programIds: [1] }, plain)).toBeNull();
  });

  it("Single Rolling Expiry: the chosen events roll every program by the org's period", () => {
    expect(rollingDecision({ event: "PointsRedemption", programIds: [1] }, single)).toEqual({ programIds: null, override: { value: 12, unit: "MONTHS" }, group: false });
    expect(rollingDecision({ event: "TransactionAdd", programIds: [1], pointsByProgram: earned([[1, 5]]) }, single)).toEqual({ programIds: null, override: { value: 12, unit: "MONTHS" }, group: false });
  });

  it("Single Rolling Expiry: other events roll nothing, and a zero-point transaction rolls nothing by default", () => {
    expect(rollingDecision({ event: "PointsTransfer", programIds: [1] }, single)).toBeNull();
    expect(rollingDecision({ event: "TransactionAdd", programIds: [1], pointsByProgram: earned([]) }, single)).toBeNull();
  });

  it("fleet group loyalty rolls the member's group wallet with them", () => {
    const fleet = { ...plain, FLEET_GROUP_LOYALTY_ENABLED: true };
    expect(rollingDecision({ event: "TransactionAdd", programIds: [1], pointsByProgram: earned([[1, 3]]) }, fleet)).toMatchObject({ group: true });
  });
});
