import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { databaseUrl } from "@/lib/env";
import { earn } from "@/lib/ledger/post";
import { createOrg } from "@/lib/testing/factories";
import { enqueueJob } from "./enqueue";
import { JOBS_SCHEMA } from "./schema";
import { runDueJobs } from "./worker";

// The queue on the real database (its schema comes with the migrations, lib/db/migrate.ts).
const jobsFor = (orgId: number) =>
  db.$queryRawUnsafe<{ task_identifier: string; payload: { orgId?: number } }[]>(
    `SELECT t.identifier AS task_identifier, j.payload FROM ${JOBS_SCHEMA}._private_jobs j
      JOIN ${JOBS_SCHEMA}._private_tasks t ON t.id = j.task_id WHERE (j.payload->>'orgId')::int = $1`,
    orgId,
  );

describe("the job queue", () => {
  it("queues a job with the transaction that caused it: rolled back, no job; committed, one", async () => {
    const { org } = await createOrg();
    await expect(
      db.$transaction(async (tx) => {
        await enqueueJob(tx, "expiry:sweep", { orgId: org.id });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await jobsFor(org.id)).toEqual([]);

    const id = await db.$transaction((tx) => enqueueJob(tx, "expiry:sweep", { orgId: org.id }));
    expect(id).toMatch(/^\d+$/);
    expect(await jobsFor(org.id)).toEqual([{ task_identifier: "expiry:sweep", payload: { orgId: org.id } }]);
  });

  it("keeps one pending job per key", async () => {
    const { org } = await createOrg();
    await db.$transaction((tx) => enqueueJob(tx, "expiry:sweep", { orgId: org.id }, { jobKey: `sweep-${org.id}`, runAt: new Date(Date.now() + 3_600_000) }));
    await db.$transaction((tx) => enqueueJob(tx, "expiry:sweep", { orgId: org.id }, { jobKey: `sweep-${org.id}`, runAt: new Date(Date.now() + 3_600_000) }));
    expect(await jobsFor(org.id)).toHaveLength(1);
  });

  it("a worker runs a queued expiry sweep through the task registry", async () => {
    const { org, defaultProgram } = await createOrg();
    const owner = { type: "CUSTOMER" as const, id: 1 };
    await earn(db, { orgId: org.id, programId: defaultProgram.id, owner, points: 25, earnedAt: new Date("2027-01-01T00:00:00Z"), expiresAt: new Date("2027-02-01T00:00:00Z"), provenance: { actor: SYSTEM_ACTOR, sourceType: "TEST" } });
    await db.$transaction((tx) => enqueueJob(tx, "expiry:sweep", { orgId: org.id, asOf: "2027-02-02T00:00:00.000Z" }));

    await runDueJobs(databaseUrl());

    expect(await jobsFor(org.id)).toEqual([]);
    const account = await db.pointsAccount.findFirstOrThrow({ where: { orgId: org.id, ownerType: "CUSTOMER", ownerId: 1 } });
    expect(Number(account.balance)).toBe(0);
    const expiry = await db.movement.findFirstOrThrow({ where: { orgId: org.id, kind: "EXPIRE" }, select: { sourceRef: true } });
    expect(expiry.sourceRef).toMatch(/^job \d+$/);
  });
});
