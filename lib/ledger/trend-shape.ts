import { z } from "zod";

// Client-safe: the programs overview's trend buckets and the choices its selector offers.

export const TREND_GRAINS = {
  day: { unit: "day", buckets: 30, label: "Last 30 days" },
  week: { unit: "week", buckets: 12, label: "Last 12 weeks" },
} as const;
export type TrendGrain = keyof typeof TREND_GRAINS;

export type TrendBucket = { start: string; issued: number; redeemed: number; expired: number; activeMembers: number };

/** The overview's URL state: ?trendProgram=<id> (absent: the whole org) and ?trendGrain=day|week. */
export const trendQuerySchema = z.object({
  trendProgram: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
  trendGrain: z.enum(["day", "week"]).catch("week").default("week"),
});

export const hasActivity = (buckets: TrendBucket[]) => buckets.some((b) => b.issued !== 0 || b.redeemed !== 0 || b.expired !== 0 || b.activeMembers !== 0);
