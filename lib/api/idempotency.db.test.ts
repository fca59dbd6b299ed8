import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { earn } from "@/lib/ledger/post";
import { createOrg } from "@/lib/testing/factories";
import { canonicalJson, idempotencyKeyOf, requestFingerprint, runIdempotent } from "./idempotency";

async function fixture() {
  const { org, defaultProgram } = await createOrg();
  const customer = await db.customer.create({ data: { orgId: org.id } });
  // The work of a points-moving request: one earn, answered with the new balance.
  const work = (points: number) => async (tx: Parameters<Parameters<typeof runIdempotent>[1]>[0]) => {
    const r = await earn(tx, {
      orgId: org.id, programId: defaultProgram.id, owner: { type: "CUSTOMER", id: customer.id }, points,
      provenance: { actor: SYSTEM_ACTOR, sourceType: "TEST" },
    });
    return { status: 200, body: { balance: r.balance, movementId: r.movementId } };
  };
  const movements = () => db.movement.count({ where: { orgId: org.id } });
  return { org, work, movements };
}

const request = (body: unknown, url = "http://localhost/v2/transactions?source=INSTORE&identifierName=mobile&identifierValue=1") =>
  ({ request: new Request(url, { method: "POST", headers: { "Idempotency-Key": "k" } }), body });

describe("runIdempotent", () => {
  it("replays the first answer for the same key and request, moving nothing again", async () => {
    const f = await fixture();
    const fp = requestFingerprint(request({ a: 1 }).request, { a: 1 });
    const first = await runIdempotent({ orgId: f.org.id, key: "key-1", fingerprint: fp }, f.work(10));
    const second = await runIdempotent({ orgId: f.org.id, key: "key-1", fingerprint: fp }, f.work(10));
    expect(first).toEqual({ status: 200, body: { balance: "10", movementId: expect.any(Number) }, replayed: false });
    expect(second).toEqual({ ...first, replayed: true });
    expect(await f.movements()).toBe(1);
  });

  it("refuses the same key with another request (409) and runs unkeyed requests every time", async () => {
    const f = await fixture();
    await runIdempotent({ orgId: f.org.id, key: "key-2", fingerprint: "a" }, f.work(10));
    await expect(runIdempotent({ orgId: f.org.id, key: "key-2", fingerprint: "b" }, f.work(10))).rejects.toSatisfy(
      (e: unknown) => e instanceof AppError && e.status === 409,
    );
    await runIdempotent({ orgId: f.org.id, key: null, fingerprint: "a" }, f.work(1));
    await runIdempotent({ orgId: f.org.id, key: null, fingerprint: "a" }, f.work(1));
    expect(await f.movements()).toBe(3);
  });

  it("keeps keys apart per org", async () => {
    const f = await fixture();
    const g = await fixture();
    await runIdempotent({ orgId: f.org.id, key: "shared", fingerprint: "a" }, f.work(5));
    const other = await runIdempotent({ orgId: g.org.id, key: "shared", fingerprint: "a" }, g.work(7));
    expect(other).toMatchObject({ replayed: false, body: { balance: "7" } });
  });

  it("stores a domain refusal and replays it; nothing is moved", async () => {
    const f = await fixture();
    const refuse = async () => {
      throw new AppError("CONFLICT", "Transaction number already exists.", { code: 604 });
    };
    const first = await runIdempotent({ orgId: f.org.id, key: "key-3", fingerprint: "a" }, refuse);
    const again = await runIdempotent({ orgId: f.org.id, key: "key-3", fingerprint: "a" }, f.work(10));
    expect(first).toMatchObject({ status: 409, replayed: false, body: { errors: [{ code: 604 }] } });
    expect(again).toEqual({ ...first, replayed: true });
    expect(await f.movements()).toBe(0);
  });

  it("lets racing requests with one key move points once and all get the first answer", async () => {
    const f = await fixture();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => runIdempotent({ orgId: f.org.id, key: "race", fingerprint: "a" }, f.work(3))),
    );
    expect(await f.movements()).toBe(1);
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
  });
});

describe("request identity", () => {
  it("ignores key order in the body and query order, but not values or paths", () => {
    const a = request({ x: 1, y: [1, { b: 2, a: 1 }] });
    expect(canonicalJson({ y: [1, { a: 1, b: 2 }], x: 1 })).toBe(canonicalJson(a.body));
    const fp = requestFingerprint(a.request, a.body);
    const swapped = request(a.body, "http://localhost/v2/transactions?identifierValue=1&identifierName=mobile&source=INSTORE");
    expect(requestFingerprint(swapped.request, swapped.body)).toBe(fp);
    expect(requestFingerprint(a.request, { x: 2 })).not.toBe(fp);
    const bulk = request(a.body, "http://localhost/v2/transactions/bulk");
    expect(requestFingerprint(bulk.request, bulk.body)).not.toBe(fp);
  });

  it("accepts printable keys up to 255 characters", () => {
    const withKey = (key: string) => new Request("http://localhost/", { headers: { "Idempotency-Key": key } });
    expect(idempotencyKeyOf(withKey("order-42"))).toBe("order-42");
    expect(idempotencyKeyOf(new Request("http://localhost/"))).toBeNull();
    expect(() => idempotencyKeyOf(withKey("x".repeat(256)))).toThrow(AppError);
    expect(() => idempotencyKeyOf(withKey("a b"))).toThrow(AppError);
  });
});
