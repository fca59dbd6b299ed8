import { describe, expect, it } from "vitest";
import { deactivationEffect, deactivationRefusal, reactivationEffect, reactivationRefusal } from "./rules";

describe("deactivationRefusal", () => {
  it("names the count of active children that block it", () => {
    expect(deactivationRefusal("zone", "NORTH", 2)).toBe("Zone NORTH still has 2 active stores. Deactivate or move them first.");
    expect(deactivationRefusal("concept", "TRENDS", 1)).toBe("Concept TRENDS still has 1 active store. Deactivate or move it first.");
    expect(deactivationRefusal("store", "STORE-001", 3)).toBe("Store STORE-001 still has 3 active tills. Deactivate or move them first.");
  });

  it("lets units without active children go", () => {
    expect(deactivationRefusal("zone", "NORTH", 0)).toBeNull();
    expect(deactivationRefusal("till", "TILL-001", 5)).toBeNull();
    expect(deactivationRefusal("cardSeries", "CLASSIC", 0)).toBeNull();
  });
});

describe("reactivationRefusal", () => {
  it("refuses under a deactivated parent, naming it", () => {
    expect(reactivationRefusal("till", "TILL-9", { kind: "store", code: "STORE-9" })).toBe(
      "Till TILL-9 is in store STORE-9, which is deactivated. Reactivate STORE-9 first.",
    );
    expect(reactivationRefusal("store", "S", null)).toBeNull();
  });
});

describe("deactivationEffect", () => {
  it("says the refusal when blocked, what happens otherwise", () => {
    expect(deactivationEffect("zone", "NORTH", 1)).toContain("still has 1 active store");
    expect(deactivationEffect("zone", "NORTH", 0)).toBe("New stores can no longer be placed in NORTH. Program mappings to it are kept. You can reactivate it later.");
    expect(deactivationEffect("till", "TILL-1", 0)).toContain("can no longer be chosen for new API clients");
    expect(deactivationEffect("store", "S-1", 0)).toContain("New tills can no longer be added to S-1");
  });
});

describe("reactivationEffect", () => {
  it("says what the unit can be chosen for again", () => {
    expect(reactivationEffect("zone", "NORTH")).toBe("NORTH can be chosen again for new stores.");
    expect(reactivationEffect("store", "S-1")).toBe("S-1 can be chosen again for new tills.");
    expect(reactivationEffect("till", "T-1")).toBe("T-1 can be chosen again for new API clients.");
    expect(reactivationEffect("cardSeries", "GOLD")).toBe("GOLD is marked active again.");
  });
});
