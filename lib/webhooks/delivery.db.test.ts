import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { JOBS_SCHEMA } from "@/lib/jobs/schema";
import { bill, createEngineOrg, publishLive } from "@/lib/testing/engine-factories";
import { callRoute } from "@/lib/testing/route";
import { POST as addTransaction } from "@/app/api/v2/transactions/route";
import { createCustomer, setOrgConfig } from "@/lib/testing/groups-factories";
import { addTiers, enrolAt } from "@/lib/testing/tiers-factories";
import { manualSlabAdjustment } from "@/lib/tiers/manual-adjustment";
import { manualSlabBodySchema, manualSlabQuerySchema } from "@/lib/tiers/schema";
import { deliverOnce, retryDelayMs } from "./deliver";
import { encryptSecret } from "./secret";
import { SIGNATURE_HEADER, verifySignature } from "./signature";
import { checkTarget } from "./target";

// A real receiver on loopback: it answers what `answers` says next (then 200), and keeps what came.
let server: Server;
let url: string;
const received: { headers: IncomingMessage["headers"]; body: string }[] = [];
const answers: number[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.statusCode = answers.shift() ?? 200;
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const SECRET = "whsec_test_secret";

async function upgradeStory() {
  const f = await createEngineOrg();
  await addTiers(f.orgId, f.defaultProgram.id);
  // Loopback is a private target: allowed in this test org only.
  await setOrgConfig(f.orgId, "WEBHOOK_ALLOW_PRIVATE_TARGETS", true);
  await db.webhookSubscription.create({ data: { orgId: f.orgId, name: "Tier sync", url, signingSecret: encryptSecret(SECRET), events: ["tierUpgraded"], headers: { "client-key": "k-1" } } });
  const ana = await createCustomer(f.orgId);
  await enrolAt(f.orgId, f.defaultProgram.id, ana.id, "Silver");
  await manualSlabAdjustment({
    orgId: f.orgId, actor: SYSTEM_ACTOR,
    query: manualSlabQuerySchema.parse({ identifierName: "id", identifierValue: String(ana.id) }),
    body: manualSlabBodySchema.parse({ programId: f.defaultProgram.id, toSlabName: "Gold", slabAction: "UPGRADE", manualSlabActionValidity: "FIXED_DURATION", manualSlabActionValidityUpto: 30 }),
  });
  const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { orgId: f.orgId } });
  return { f, ana, delivery };
}

describe("webhook deliveries", () => {
  it("an upgrade writes one delivery and its job in the same transaction; the receiver gets a signed tierUpgraded after two 500s", async () => {
    received.length = 0;
    const { f, ana, delivery } = await upgradeStory();
    expect(delivery).toMatchObject({ eventName: "tierUpgraded", status: "PENDING", refId: `${f.orgId}_${ana.id}` });
    const jobs = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM ${JOBS_SCHEMA}._private_jobs j JOIN ${JOBS_SCHEMA}._private_tasks t ON t.id = j.task_id WHERE t.identifier = 'webhooks:deliver' AND (j.payload->>'deliveryId')::int = $1`,
      delivery.id,
    );
    expect(jobs[0]?.n).toBe(1);

    answers.push(500, 500);
    expect(await deliverOnce(delivery.id)).toEqual({ status: "PENDING", httpStatus: 500 });
    expect(await deliverOnce(delivery.id)).toEqual({ status: "PENDING", httpStatus: 500 });
    expect(await deliverOnce(delivery.id)).toEqual({ status: "DELIVERED", httpStatus: 200 });
    expect(await deliverOnce(delivery.id)).toEqual({ status: "SKIPPED", httpStatus: null });

    expect(received).toHaveLength(3);
    const last = received[2]!;
    expect(verifySignature(SECRET, last.headers[SIGNATURE_HEADER] as string, last.body)).toBe(true);
    expect(verifySignature("another-secret", last.headers[SIGNATURE_HEADER] as string, last.body)).toBe(false);
    expect(verifySignature(SECRET, last.headers[SIGNATURE_HEADER] as string, last.body.replace("Gold", "Gilt"))).toBe(false);
    expect(last.headers["client-key"]).toBe("k-1");
    expect(new Set(received.map((r) => r.headers["x-loyalty-event-id"]))).toEqual(new Set([delivery.eventId]));
    const payload = JSON.parse(last.body) as Record<string, unknown> & { data: Record<string, unknown> };
    expect(payload).toMatchObject({ eventName: "tierUpgraded", eventId: delivery.eventId, orgId: f.orgId, refId: `${f.orgId}_${ana.id}` });
    expect(payload.data).toMatchObject({
      customerIdentifiers: { customerId: ana.id, instore: { mobile: ana.mobile } },
      loyaltyProgramId: f.defaultProgram.id,
      loyaltyProgramDetails: { id: f.defaultProgram.id, tiers: [{ tierNumber: 1, tierName: "Silver" }, { tierNumber: 2, tierName: "Gold" }, { tierNumber: 3, tierName: "Platinum" }] },
      previousTierNumber: 1,
      upgradedTierNumber: 2,
      upgradeType: "MANUAL",
      tierExpiryDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });

    const log = await db.webhookAttempt.findMany({ where: { deliveryId: delivery.id }, orderBy: { id: "asc" } });
    expect(log.map((a) => a.httpStatus)).toEqual([500, 500, 200]);
    expect(log.every((a) => a.latencyMs >= 0)).toBe(true);
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "DELIVERED", attempts: 3, lastHttpStatus: 200 });
  });

  it("a worker that dies between the send and the record loses nothing: the next run sends the same event id again", async () => {
    received.length = 0;
    const { delivery } = await upgradeStory();
    await expect(deliverOnce(delivery.id, { afterSend: () => { throw new Error("worker killed"); } })).rejects.toThrow("worker killed");
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "PENDING", attempts: 0 });
    expect(await deliverOnce(delivery.id)).toMatchObject({ status: "DELIVERED" });
    expect(received.map((r) => r.headers["x-loyalty-event-id"])).toEqual([delivery.eventId, delivery.eventId]);
  });

  it("a purchase writes transactionAdded and one pointsIssued per wallet credited, only for subscribed events", async () => {
    const f = await createEngineOrg();
    await publishLive(f.orgId, f.defaultProgram.id);
    await db.webhookSubscription.create({ data: { orgId: f.orgId, name: "CRM", url, signingSecret: encryptSecret(SECRET), events: ["transactionAdded", "pointsIssued"] } });
    await db.webhookSubscription.create({ data: { orgId: f.orgId, name: "Paused", url, signingSecret: encryptSecret(SECRET), events: ["transactionAdded"], active: false } });
    const ana = await createCustomer(f.orgId);
    const r = await callRoute(addTransaction, `/v2/transactions?source=INSTORE&identifierName=mobile&identifierValue=${ana.mobile}`, {
      method: "POST", headers: { authorization: f.authorization }, body: JSON.stringify(bill("WH-1", 1000)),
    });
    expect(r.status).toBe(200);
    const rows = await db.webhookDelivery.findMany({ where: { orgId: f.orgId }, orderBy: { id: "asc" } });
    expect(rows.map((d) => d.eventName)).toEqual(["transactionAdded", "pointsIssued"]);
    expect(rows[1]!.payload).toMatchObject({ eventName: "pointsIssued", data: { entityInformation: { entityId: ana.id, entityType: "CUSTOMER" }, points: 100 } });
    expect(rows[0]!.payload).toMatchObject({ data: { customerId: ana.id, transactionNumber: "WH-1", amount: 1000 } });
  });

  it("backs off exponentially up to 15 minutes between attempts", () => {
    expect([1, 2, 3, 7, 8, 12].map(retryDelayMs)).toEqual([10_000, 20_000, 40_000, 640_000, 900_000, 900_000]);
    // 12 attempts wait more than an hour in all: a receiver down for an hour loses nothing.
    expect(Array.from({ length: 11 }, (_, i) => retryDelayMs(i + 1)).reduce((a, b) => a + b, 0)).toBeGreaterThan(3_600_000);
  });

  it("refuses non-http and private targets unless the org allows them", async () => {
    await expect(checkTarget("ftp://example.com/x", { allowPrivate: false })).rejects.toThrow("Webhook URLs must use http or https.");
    await expect(checkTarget("http://127.0.0.1:9/x", { allowPrivate: false })).rejects.toThrow("127.0.0.1 is a loopback or private-network address");
    await expect(checkTarget("http://10.1.2.3/x", { allowPrivate: false })).rejects.toThrow("private-network");
    await expect(checkTarget("http://[::1]/x", { allowPrivate: false })).rejects.toThrow("private-network");
    await expect(checkTarget("http://127.0.0.1:9/x", { allowPrivate: true })).resolves.toBeInstanceOf(URL);
    await expect(checkTarget("https://93.184.216.34/hook", { allowPrivate: false })).resolves.toBeInstanceOf(URL);
  });
});
