import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { databaseUrl } from "@/lib/env";

// Every statement is prepared under a name (lib/db/statement-names.ts), on PostgreSQL and on the
// embedded database alike, where all connections share one session (lib/db/embedded.ts).
const first = createPrismaClient(databaseUrl(), 1);
const second = createPrismaClient(databaseUrl(), 1);
afterAll(async () => {
  await first.$disconnect();
  await second.$disconnect();
});

type Prepared = { name: string; generic_plans: bigint };
// The marker is split so that this query's own text does not match it.
const preparedByMarker = (client: typeof first) =>
  client.$queryRaw<Prepared[]>`SELECT name, generic_plans FROM pg_prepared_statements WHERE statement LIKE '%' || 'named-statement' || '-probe%'`;

describe("named statements", () => {
  it("prepares a query once and reuses its plan, and two connections sending it both get answers", async () => {
    for (let n = 0; n < 8; n++) {
      for (const client of [first, second]) {
        const rows = await client.$queryRaw<{ next: number }[]>`SELECT /* named-statement-probe */ (${n}::int + 1) AS next`;
        expect(rows).toEqual([{ next: n + 1 }]);
      }
    }
    const prepared = await preparedByMarker(first);
    expect(prepared).toHaveLength(1);
    expect(prepared[0]!.name).toMatch(/^lc_/);
    // After five runs PostgreSQL keeps one generic plan: the statement is no longer planned per call.
    expect(Number(prepared[0]!.generic_plans)).toBeGreaterThan(0);
  });

  it("a failed statement leaves the connection usable and the corrected one prepares", async () => {
    await expect(first.$queryRaw`SELECT /* named-statement-probe-bad */ no_such_column FROM "Org"`).rejects.toThrow();
    const rows = await second.$queryRaw<{ n: number }[]>`SELECT /* named-statement-probe-bad */ 1::int AS n`;
    expect(rows).toEqual([{ n: 1 }]);
    await expect(first.$queryRaw<{ n: number }[]>`SELECT /* named-statement-probe-bad */ 1::int AS n`).resolves.toEqual([{ n: 1 }]);
  });
});
