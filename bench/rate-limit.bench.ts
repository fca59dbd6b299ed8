// `npm run bench:rate-limit`: what the per-API-client rate limit (lib/auth/rate-limit.ts, one
// upsert per request) adds to a request, on the PostgreSQL server. Times the limiter's statement
// beside the cheapest round trip (SELECT 1) through the same Prisma pool, serially and with 16
// requests at once on one client's row (the worst case: every request updates the same row).
// Output:
//   ratelimit <mode> admit p50=<ms> p99=<ms> select1 p50=<ms> p99=<ms> added-p50=<ms>
// Env: BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/lc_bench_rate, recreated),
// BENCH_REQUESTS (2000 per mode).
import { recreateDatabase } from "./database";

const BENCH_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/lc_bench_rate";
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
process.env.DATABASE_URL = BENCH_URL;

async function main() {
  await recreateDatabase(BENCH_URL);
  const { migrateDeploy } = await import("../lib/db/migrate");
  await migrateDeploy(BENCH_URL);
  const { db, disconnectDb } = await import("../lib/db/client");
  const { admitHit } = await import("../lib/auth/rate-limit");
  const select1 = () => db.$queryRaw`SELECT 1`;
  const admit = () => admitHit("api:bench", 1_000_000_000, 60_000);
  for (let i = 0; i < 200; i++) await Promise.all([select1(), admit()]); // warm the pool and plans
  for (const concurrency of [1, 16]) {
    const a = await timed(admit, concurrency);
    const s = await timed(select1, concurrency);
    console.log(
      `ratelimit c${concurrency} admit p50=${a.p50.toFixed(2)} p99=${a.p99.toFixed(2)} select1 p50=${s.p50.toFixed(2)} p99=${s.p99.toFixed(2)} added-p50=${(a.p50 - s.p50).toFixed(2)}`,
    );
  }
  await disconnectDb();
}

async function timed(run: () => Promise<unknown>, concurrency: number): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  let left = REQUESTS;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left-- > 0) {
        const start = performance.now();
        await run();
        times.push(performance.now() - start);
      }
    }),
  );
  times.sort((x, y) => x - y);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99) };
}


await main();
