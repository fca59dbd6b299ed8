import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { databaseUrl } from "@/lib/env";
import { JOBS_SCHEMA } from "@/lib/jobs/schema";
import { startJobWorker } from "@/lib/jobs/worker";
import { createOrg } from "@/lib/testing/factories";
import { setOrgConfig } from "@/lib/testing/groups-factories";
import { DELIVERY_JOB_ATTEMPTS, emitEvent } from "./outbox";
import { encryptSecret } from "./secret";

// At least once, with a real worker process killed (SIGKILL) while the receiver holds the request:
// the send happened, the record did not. The queue keeps the job locked by the dead worker until
// it calls the lock abandoned (graphile-worker: 4 hours); then another worker sends the same event
// id again, and the receiver de-duplicates on it.

let server: Server;
let url: string;
const received: { eventId: string | undefined; body: string }[] = [];
const held: ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ eventId: req.headers["x-loyalty-event-id"] as string | undefined, body });
      // The first request is never answered: the worker is killed while it waits.
      if (received.length === 1) held.push(res);
      else res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
});
afterAll(() => {
  for (const res of held) res.destroy();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

async function until(what: string, check: () => Promise<boolean> | boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

type JobRow = { id: string; attempts: number; max_attempts: number; locked: boolean };
const deliveryJob = async (deliveryId: number) =>
  (await db.$queryRawUnsafe<JobRow[]>(
    `SELECT j.id::text AS id, j.attempts, j.max_attempts, j.locked_at IS NOT NULL AS locked FROM ${JOBS_SCHEMA}._private_jobs j
      JOIN ${JOBS_SCHEMA}._private_tasks t ON t.id = j.task_id WHERE t.identifier = 'webhooks:deliver' AND (j.payload->>'deliveryId')::int = $1`,
    deliveryId,
  ))[0];

it("a worker killed between the send and the record loses nothing: another worker sends the same event id again", { timeout: 120_000 }, async () => {
  const { org } = await createOrg();
  await setOrgConfig(org.id, "WEBHOOK_ALLOW_PRIVATE_TARGETS", true);
  await db.webhookSubscription.create({ data: { orgId: org.id, name: "CRM", url, signingSecret: encryptSecret("whsec_kill"), events: ["tierUpgraded"] } });
  const [eventId] = await db.$transaction((tx) => emitEvent(tx, { orgId: org.id, eventName: "tierUpgraded", data: { upgradedTierNumber: 2 } }));
  const delivery = await db.webhookDelivery.findUniqueOrThrow({ where: { eventId: eventId! } });

  // The worker process as the launcher runs it (lib/launcher/spawn-worker.ts), but with tsx as a
  // loader in one node process: through the tsx CLI, SIGKILL would reach tsx and not the worker.
  let worker: ChildProcess | undefined = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "lib/jobs/worker-process.ts"], {
    stdio: "ignore",
    env: { ...process.env, DATABASE_URL: databaseUrl(), DATABASE_POOL_SIZE: "2" },
  });
  try {
    await until("the worker's send", () => received.length === 1);
    const exited = new Promise((resolve) => worker!.once("exit", resolve));
    worker.kill("SIGKILL");
    await exited;
    worker = undefined;
  } finally {
    worker?.kill("SIGKILL");
  }

  // Sent, not recorded: the delivery is still PENDING with no attempt logged, its job held by the dead worker.
  expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "PENDING", attempts: 0 });
  expect(await db.webhookAttempt.count({ where: { deliveryId: delivery.id } })).toBe(0);
  const job = await deliveryJob(delivery.id);
  expect(job).toMatchObject({ attempts: 1, max_attempts: DELIVERY_JOB_ATTEMPTS, locked: true });

  // Four hours pass (the lock's age is all the queue looks at), and another worker comes up.
  await db.$executeRawUnsafe(`UPDATE ${JOBS_SCHEMA}._private_jobs SET locked_at = now() - interval '5 hours' WHERE id = $1::bigint`, job!.id);
  const runner = await startJobWorker({ connectionString: databaseUrl(), pollInterval: 200, resetLockedIntervalMs: 200 });
  try {
    await until("the redelivery", async () => (await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).status === "DELIVERED");
  } finally {
    await runner.stop();
  }

  expect(received.map((r) => r.eventId)).toEqual([delivery.eventId, delivery.eventId]);
  expect(received[1]!.body).toBe(received[0]!.body);
  expect((await db.webhookAttempt.findMany({ where: { deliveryId: delivery.id } })).map((a) => a.httpStatus)).toEqual([200]);
  expect(await deliveryJob(delivery.id)).toBeUndefined();
});
