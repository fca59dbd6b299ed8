// Client-safe: day-by-program points as the rows a chart draws ({ day, p12: 340, p15: 80 }),
// each program's last value carried forward to the days it did not move.
export function chartRows(points: { day: string; programId: number; balance: number }[], programIds: number[]): Record<string, string | number>[] {
  const days = [...new Set(points.map((p) => p.day))].sort();
  const last = new Map<number, number>();
  return days.map((day) => {
    const row: Record<string, string | number> = { day };
    for (const id of programIds) {
      const hit = points.find((p) => p.day === day && p.programId === id);
      if (hit) last.set(id, hit.balance);
      row[`p${id}`] = last.get(id) ?? 0;
    }
    return row;
  });
}
