// Client-safe: the one way the console shows a date ("12 Mar 2025") or an instant
// ("12 Mar 2025, 14:05 UTC"). Always UTC and said so, because the people reading the same audit
// trail, customer page or "last used" may sit in different time zones. Date filters read the
// same format back (parseDisplayDate).

const DAY = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "2-digit", month: "short", year: "numeric" });
const MINUTES = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", hour: "2-digit", minute: "2-digit", hour12: false });
const SECONDS = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });

type DateLike = Date | string | number;
const toDate = (at: DateLike) => (at instanceof Date ? at : new Date(at));

/** "12 Mar 2025" (UTC). */
export function formatDate(at: DateLike): string {
  return DAY.format(toDate(at));
}

/** "12 Mar 2025, 14:05 UTC"; with `seconds`, "12 Mar 2025, 14:05:09 UTC" (the audit log). */
export function formatDateTime(at: DateLike, { seconds = false }: { seconds?: boolean } = {}): string {
  const date = toDate(at);
  return `${DAY.format(date)}, ${(seconds ? SECONDS : MINUTES).format(date)} UTC`;
}

/** The placeholder of a date field: the format formatDate writes. */
export const DATE_FORMAT_EXAMPLE = "12 Mar 2025";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * A date typed in the console's format ("12 Mar 2025", "1 march 2025") or as yyyy-mm-dd (older
 * links), as yyyy-mm-dd; null when it is not a real calendar day.
 */
export function parseDisplayDate(text: string): string | null {
  const value = text.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const shown = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})$/.exec(value);
  if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (shown) {
    const month = MONTHS.indexOf(shown[2]!.slice(0, 3).toLowerCase());
    if (month < 0) return null;
    [y, m, d] = [Number(shown[3]), month + 1, Number(shown[1])];
  } else {
    return null;
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
