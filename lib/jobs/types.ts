// The payload of each background task, by task name. Each domain that owns a task adds its entry
// here, so enqueueJob checks payloads at compile time; the handler re-checks with zod at run time
// (a job may have been written by an older version).
export interface JobPayloads {
  /** Expire every lot due at `asOf` (ISO instant; default: when the job runs), in one org or all. */
  "expiry:sweep": { asOf?: string; orgId?: number };
  /** Advance the roll-ups of the ledger and bills that Member Care and the programs overview read (lib/ledger/rollup.ts). */
  "ledger:rollup": Record<string, never>;
  /** Deliver these outbox messages (OTPs) still pending: the retry after a crash or a failed send (lib/otp/outbox.ts). */
  "outbox:deliver": { messageIds: number[] };
  /** Renew or downgrade every tier whose validity ended by `asOf` (lib/tiers/sweep.ts). */
  "tiers:reassess": { asOf?: string; orgId?: number };
  /** One attempt at sending a webhook delivery (lib/webhooks/deliver.ts). */
  "webhooks:deliver": { deliveryId: number };
}

export type JobName = keyof JobPayloads;
