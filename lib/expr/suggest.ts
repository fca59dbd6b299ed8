// "Did you mean …" for misspelt attribute and method names: the closest names by edit distance,
// case-insensitive, within a third of the name's length (so wild guesses are not offered).

export function closest(name: string, candidates: Iterable<string>, max = 3): string[] {
  const limit = Math.max(1, Math.floor(name.length / 3));
  const scored: [string, number][] = [];
  for (const c of candidates) {
    const d = distance(name.toLowerCase(), c.toLowerCase());
    if (d <= limit) scored.push([c, d]);
  }
  return scored.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).slice(0, max).map(([c]) => c);
}

export function didYouMean(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return "";
  return ` Did you mean ${suggestions.map((s) => `"${s}"`).join(" or ")}?`;
}

/** Edit distance counting a swap of two neighbours as one edit ("valeu" → "value"). */
export function distance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number) => rows[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i]!;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        d = Math.min(d, at(i - 2, j - 2) + 1);
      }
      row[j] = d;
    }
  }
  return at(a.length, b.length);
}
