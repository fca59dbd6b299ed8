import { singleRollingExpirySchema } from "@/lib/org/rolling-expiry-schema";

/** One line for the configs screen: "Off", or "On: 12 months, 3 events". */
export function describeRollingExpiry(value: unknown): string {
  const parsed = singleRollingExpirySchema.safeParse(value);
  if (!parsed.success || !parsed.data.enabled) return "Off";
  const { period, unit, events } = parsed.data;
  const unitText = unit === "DAYS" ? "days" : "months";
  return `On: ${period ?? "?"} ${period === 1 ? unitText.slice(0, -1) : unitText}, ${events.length} ${events.length === 1 ? "event" : "events"}`;
}
