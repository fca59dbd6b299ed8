import { describe, expect, it } from "vitest";
import { chartRows } from "./series-shape";

describe("chartRows", () => {
  it("lays programs side by side per day, carrying each one's balance forward", () => {
    const rows = chartRows(
      [
        { day: "2026-11-01", programId: 1, balance: 100 },
        { day: "2026-11-02", programId: 2, balance: 40 },
        { day: "2026-11-03", programId: 1, balance: 60 },
      ],
      [1, 2],
    );
    expect(rows).toEqual([
      { day: "2026-11-01", p1: 100, p2: 0 },
      { day: "2026-11-02", p1: 100, p2: 40 },
      { day: "2026-11-03", p1: 60, p2: 40 },
    ]);
  });
});
