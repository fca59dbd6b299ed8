import type { Task } from "graphile-worker";
import { expirySweepTask } from "@/lib/expiry/sweep-task";
import { ledgerRollupTask } from "@/lib/ledger/rollup-task";
import { outboxDeliverTask } from "@/lib/otp/deliver-task";
import { tierReassessTask } from "@/lib/tiers/sweep-task";
import { webhookDeliverTask } from "@/lib/webhooks/deliver-task";
import type { JobName } from "./types";

// Every background task by name: one handler per entry of JobPayloads (the mapped type makes a
// missing handler a compile error). Handlers live with their domain; this file only lists them.
export const TASKS: { [N in JobName]: Task } = {
  "expiry:sweep": expirySweepTask,
  "ledger:rollup": ledgerRollupTask,
  "outbox:deliver": outboxDeliverTask,
  "tiers:reassess": tierReassessTask,
  "webhooks:deliver": webhookDeliverTask,
};
