import { parseCronItems } from "graphile-worker";

// Recurring jobs. graphile-worker's scheduler records each run it queued (known_crontabs), so with
// any number of workers every tick is queued once; the job key keeps at most one sweep waiting.
export const RECURRING = parseCronItems([
  {
    // Lots expire at an instant (event time + N days or months), so the sweep runs often and finds
    // little each time; missed ticks (worker down) are not replayed: the next sweep catches up.
    task: "expiry:sweep",
    identifier: "expiry-sweep",
    match: "*/15 * * * *",
    options: { backfillPeriod: 0, jobKey: "expiry:sweep", maxAttempts: 5 },
    payload: {},
  },
  {
    // Tier validities end at an instant too; renewals and downgrades are not urgent to the minute.
    task: "tiers:reassess",
    identifier: "tiers-reassess",
    match: "7 * * * *",
    options: { backfillPeriod: 0, jobKey: "tiers:reassess", maxAttempts: 5 },
    payload: {},
  },
  {
    // The group page's totals and the programs overview read the roll-ups plus what arrived since
    // the last run: the more often it runs, the less each read adds up.
    task: "ledger:rollup",
    identifier: "ledger-rollup",
    match: "*/10 * * * *",
    options: { backfillPeriod: 0, jobKey: "ledger:rollup", maxAttempts: 3 },
    payload: {},
  },
]);
