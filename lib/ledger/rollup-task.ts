import type { Task } from "graphile-worker";
import { refreshLedgerRollups } from "./rollup";

/** The queue's `ledger:rollup` task (lib/jobs/tasks.ts): advances the Member Care roll-ups (lib/ledger/rollup.ts). */
export const ledgerRollupTask: Task = async (_payload, helpers) => {
  const result = await refreshLedgerRollups();
  if (result.rolled) helpers.logger.info(`ledger roll-up: through posting ${result.postingsThrough}, bill ${result.billsThrough}`);
  else helpers.logger.info(`ledger roll-up skipped: ${result.reason}`);
};
