import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { admitHit, clearHits, peekHits, recordHit, secondsUntilRoom } from "./rate-limit";

const MINUTE = 60_000;
// A minute boundary to reason from: windows are aligned to multiples of their length.
const T0 = new Date(Date.UTC(2026, 11, 1, 12, 0, 0));
const at = (ms: number) => new Date(T0.getTime() + ms);

describe("admitHit (the sliding window kept in the database)", () => {
  it("admits up to the limit, then refuses with the seconds until one more fits, without counting refusals", async () => {
    const bucket = "test:fill";
    for (let i = 0; i < 3; i++) expect(await admitHit(bucket, 3, MINUTE, at(10_000))).toEqual({ allowed: true });
    // The window is full until it ends at 60 s; the next one still carries the full weight of
    // this one's 3 hits at first, and has room once it has faded by a third (20 s in).
    expect(await admitHit(bucket, 3, MINUTE, at(20_000))).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(await admitHit(bucket, 3, MINUTE, at(59_000))).toEqual({ allowed: false, retryAfterSeconds: 21 });
    const rows = await db.rateWindow.findMany({ where: { bucket } });
    expect(rows.map((r) => r.hits)).toEqual([3]);
  });

  it("weighs the previous window by how much of it still overlaps the last minute", async () => {
    const bucket = "test:slide";
    for (let i = 0; i < 10; i++) await admitHit(bucket, 10, MINUTE, at(50_000));
    // 15 s into the next window, 75 % of the previous 10 hits still count: room for 2, not 3.
    expect(await admitHit(bucket, 10, MINUTE, at(75_000))).toEqual({ allowed: true });
    expect(await admitHit(bucket, 10, MINUTE, at(75_000))).toEqual({ allowed: true });
    expect(await admitHit(bucket, 10, MINUTE, at(75_000))).toMatchObject({ allowed: false });
    // Two windows on, nothing of the first remains.
    for (let i = 0; i < 10; i++) expect(await admitHit(bucket, 10, MINUTE, at(185_000))).toEqual({ allowed: true });
  });

  it("holds the limit exactly under concurrent requests (as from two app instances)", async () => {
    const bucket = "test:race";
    const decisions = await Promise.all(Array.from({ length: 25 }, () => admitHit(bucket, 10, MINUTE, at(30_000))));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
    expect((await db.rateWindow.findFirstOrThrow({ where: { bucket } })).hits).toBe(10);
  });

  it("prunes windows older than an hour when a new window opens", async () => {
    await admitHit("test:old", 5, MINUTE, at(0));
    await admitHit("test:new", 5, MINUTE, at(2 * 60 * MINUTE));
    expect(await db.rateWindow.count({ where: { bucket: "test:old" } })).toBe(0);
    expect(await db.rateWindow.count({ where: { bucket: "test:new" } })).toBe(1);
  });
});

describe("peekHits, recordHit and clearHits (sign-in counts failures, then checks)", () => {
  it("refuses once the recorded hits reach the limit, and forgets them when cleared", async () => {
    const bucket = "test:signin";
    for (let i = 0; i < 4; i++) await recordHit(bucket, 15 * MINUTE, at(1_000));
    expect(await peekHits(bucket, 5, 15 * MINUTE, at(2_000))).toEqual({ allowed: true });
    await recordHit(bucket, 15 * MINUTE, at(2_000));
    expect(await peekHits(bucket, 5, 15 * MINUTE, at(3_000))).toMatchObject({ allowed: false });
    await clearHits(bucket);
    expect(await peekHits(bucket, 5, 15 * MINUTE, at(3_000))).toEqual({ allowed: true });
  });
});

describe("secondsUntilRoom", () => {
  it("waits for the previous window to fade within this window when it can", () => {
    // 30 s in, previous 10 (weight 0.5 → 5) + current 4 + 1 = 10 > limit 9: one hit of the
    // previous must fade, 6 s of it.
    expect(secondsUntilRoom({ previous: 10, current: 4 }, 9, at(30_000), T0, MINUTE)).toBe(6);
  });
  it("waits into the next window when this one is full", () => {
    expect(secondsUntilRoom({ previous: 0, current: 6 }, 6, at(30_000), T0, MINUTE)).toBe(40);
  });
});
