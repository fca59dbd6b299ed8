import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { withApiClient } from "@/lib/api/with-api-client";
import { db } from "@/lib/db/client";
import { databaseUrl } from "@/lib/env";
import { callRoute } from "@/lib/testing/route";
import { DEMO } from "@/prisma/seed-data";
import { seedDemo } from "@/prisma/seed";
import { GET as listPrograms } from "@/app/api/v2/programs/route";
import { POST as generateOtp } from "@/app/api/v2/otp/generate/route";
import { authOptions } from "./options";
import { signInResponse } from "./sign-in";

// Issue 10 "Secrets": nothing secret in the server's log. The code paths that log (sign-in, right,
// wrong and locked, through both endpoints; API client authentication; a route that crashes with
// the caller's credentials on the request; the OTP outbox, whose development sender is the log)
// run against the demo org, with every console write captured; then the capture is searched for
// every demo password and API client secret, plain and as the Basic header carries them.
const captured: string[] = [];
const SECRETS = [...DEMO.users.map((u) => u.password), ...DEMO.apiClients.map((c) => c.secret)];
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
const pos = DEMO.apiClients.find((c) => c.clientId === "demo-pos")!;
const office = DEMO.apiClients.find((c) => c.clientId === "demo-backoffice")!;

beforeAll(async () => {
  await seedDemo(databaseUrl());
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    const real = console[method].bind(console);
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      captured.push(args.map((a) => (a instanceof Error ? `${a.stack} ${JSON.stringify(a)}` : typeof a === "string" ? a : JSON.stringify(a))).join(" "));
      real(...args);
    });
  }
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    vi.spyOn(stream, "write").mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      captured.push(String(chunk));
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write);
  }
});
afterAll(() => vi.restoreAllMocks());

const signIn = (email: string, password: string) =>
  signInResponse(new Request("http://localhost:3000/login/submit", { method: "POST", body: new URLSearchParams({ email, password }), headers: { host: "localhost:3000", accept: "application/json", "x-forwarded-for": "192.0.2.77" } }));

type Authorize = (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<unknown>;

describe("the server's log", () => {
  it("holds no demo password or API client secret after every path that logs has run", async () => {
    const [admin, manager, , viewer] = DEMO.users;
    expect((await signIn(admin!.email, admin!.password)).status).toBe(200);
    // Someone else's password: a log of the attempt would show it.
    expect((await signIn(admin!.email, manager!.password)).status).toBe(401);
    expect((await signIn("nobody@demo.test", viewer!.password)).status).toBe(401);
    for (let i = 0; i < 6; i++) await signIn(viewer!.email, admin!.password);
    expect((await signIn(viewer!.email, viewer!.password)).status).toBe(429);
    const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
    expect(await authorize({ email: manager!.email, password: manager!.password }, { headers: { "x-forwarded-for": "192.0.2.78" } })).toMatchObject({ email: manager!.email });
    expect(await authorize({ email: manager!.email, password: office.secret }, { headers: { "x-forwarded-for": "192.0.2.78" } })).toBeNull();

    expect((await callRoute(listPrograms, "/v2/programs", { headers: { authorization: basic(pos.clientId, pos.secret) } })).status).toBe(200);
    expect((await callRoute(listPrograms, "/v2/programs", { headers: { authorization: basic(pos.clientId, office.secret) } })).status).toBe(401);
    expect((await callRoute(listPrograms, "/v2/programs", { headers: { authorization: basic("no-such-client", pos.secret) } })).status).toBe(401);
    // A crash is logged with its request: the request's credentials must stay out of it.
    const crashing = withApiClient({}, async ({ request }) => {
      throw new Error(`failed while handling ${request.method}`);
    });
    expect((await callRoute(crashing, "/v2/crash", { headers: { authorization: basic(office.clientId, office.secret) } })).status).toBe(500);

    const customer = await db.customerIdentifier.findFirstOrThrow({ where: { type: "MOBILE", customer: { org: { slug: "demo-retail" } } }, select: { value: true } });
    const otp = await callRoute(generateOtp, "/v2/otp/generate", {
      method: "POST",
      headers: { authorization: basic(office.clientId, office.secret), "content-type": "application/json" },
      body: JSON.stringify({ entityType: "MOBILE", entityValue: customer.value, action: "POINTS" }),
    });
    expect(otp.status).toBe(200);

    const log = captured.join("\n");
    // The capture works: the crash and the outbox's development delivery are in it.
    expect(log).toContain("failed while handling GET");
    expect(log).toMatch(/\[outbox\] SMS to /);
    const found = SECRETS.filter((secret) => log.includes(secret));
    const headers = DEMO.apiClients.flatMap((c) => [basic(c.clientId, c.secret).slice(6)]).filter((b64) => log.includes(b64));
    expect({ found, headers }).toEqual({ found: [], headers: [] });
  });
});
