import { beforeAll, describe, expect, it } from "vitest";
import { fuzzContext, verifyWholeLedger, type FuzzContext } from "./context";
import { fuzzRoute } from "./run";
import { fuzzTargets, shardOf, type FuzzTarget } from "./targets";

// One fuzz test file's share of the routes (lib/api/fuzz/shard-N.db.test.ts): one database and
// one seeded org for the whole file, one test per route method, the ledger verified at the end.
export async function describeFuzzShard(shard: number, of: number) {
  // FUZZ_ONLY="POST /v2/transactions" fuzzes only the route methods whose label contains it.
  const only = process.env.FUZZ_ONLY;
  const targets: FuzzTarget[] = shardOf(await fuzzTargets(), shard, of).filter((t) => !only || t.label.includes(only));
  let context: FuzzContext;

  describe(`fuzz shard ${shard} of ${of}`, () => {
    beforeAll(async () => {
      context = await fuzzContext();
    });

    for (const target of targets) {
      it(`${target.label}: no 5xx, and a 4xx leaves the ledger alone`, { timeout: 600_000 }, async () => {
        const result = await fuzzRoute(target, context);
        expect(result.failures, JSON.stringify(result.byStatus)).toEqual([]);
        expect(result.fiveXX).toBe(0);
      });
    }

    it("leaves a ledger that verifies", async () => {
      expect(await verifyWholeLedger()).toEqual([]);
    });
  });
}
