// Client-safe: how the admin screens show an instant. Always UTC and said so, because the people
// reading an audit trail (or a "last used") together may sit in different time zones.
const UTC = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  day: "2-digit",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
});

/** "12 Mar 2025, 14:05:09 UTC". */
export function formatUtc(at: Date): string {
  return `${UTC.format(at)} UTC`;
}
