// CSV as RFC 4180 says (quotes doubled, fields with a comma, quote or line break quoted, CRLF
// between records), with one guard more: a field a spreadsheet would run as a formula (=, +, -,
// @, tab, CR first) is prefixed with a quote, so an exported name cannot execute (OWASP CSV injection).
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  return [header, ...rows].map((r) => r.map(field).join(",")).join("\r\n") + "\r\n";
}

function field(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
