import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { SCOPE_NAMES } from "@/lib/auth/scopes";
import { db } from "@/lib/db/client";
import { createApiClient } from "@/lib/testing/factories";
import { createCustomer } from "@/lib/testing/groups-factories";
import { callRoute } from "@/lib/testing/route";
import { award, createTransfersOrg } from "@/lib/testing/transfers-factories";
import { openApiDocument } from "./openapi/document";
import { API_DIR, API_V11_DIR, scanApiRoutes } from "./route-table";

// Issue 10 "Access": a second org's API client, holding every scope, asks every reading door of
// the API (each GET in the route table, with the parameters its OpenAPI operation declares) for
// the first org's program, customer (by id, mobile, email and external id), group and ledger, and
// sees none of it: no answer carries any of the first org's marks. The first org's own client
// asks the same questions as a control, so a probe that reached nothing would fail too.

type Handler = Parameters<typeof callRoute>[0];
type Param = { name: string; in: "path" | "query"; required?: boolean };
type Doc = { paths: Record<string, Record<string, { parameters?: Param[] }>> };

const tag = Date.now().toString(36);
const MARKS = { program: `Prog-${tag}-secret`, firstName: `Xavia${tag}`, lastName: `Quill${tag}`, externalId: `EXT-${tag}`, group: `Grp-${tag}-secret`, groupExternalId: `GEXT-${tag}`, mobile: "", email: "" };
const a = { programId: 0, customerId: 0, groupId: 0 };
let foreign = "";
let own = "";

beforeAll(async () => {
  const first = await createTransfersOrg();
  a.programId = first.defaultProgram.id;
  await db.program.update({ where: { id: a.programId }, data: { name: MARKS.program } });
  const customer = await createCustomer(first.orgId, { firstName: MARKS.firstName });
  await db.customer.update({ where: { id: customer.id }, data: { lastName: MARKS.lastName } });
  await db.customerIdentifier.create({ data: { orgId: first.orgId, customerId: customer.id, type: "EXTERNAL_ID", value: MARKS.externalId } });
  Object.assign(MARKS, { mobile: customer.mobile, email: customer.email });
  a.customerId = customer.id;
  const group = await db.userGroup.create({ data: { orgId: first.orgId, externalId: MARKS.groupExternalId, groupName: MARKS.group, maxGroupSize: 10 } });
  await db.groupMembership.create({ data: { orgId: first.orgId, groupId: group.id, customerId: customer.id, primaryMember: true, defaultGroup: true } });
  a.groupId = group.id;
  await award(first.orgId, a.programId, { type: "CUSTOMER", id: customer.id }, 777);
  own = (await createApiClient(first.orgId, { scopes: SCOPE_NAMES })).authorization;
  const second = await createTransfersOrg();
  foreign = (await createApiClient(second.orgId, { scopes: SCOPE_NAMES })).authorization;
});

/** A value of the first org for a parameter, by its name and the route it belongs to. */
function valueFor(url: string, param: Param, identifier: { name: string; value: () => string }): string | undefined {
  const groupRoute = url.startsWith("/v2/userGroup2");
  switch (param.name) {
    case "id":
      if (url.startsWith("/v2/programs")) return String(a.programId);
      if (url.startsWith("/v2/fleetHierarchy")) return undefined;
      return String(groupRoute ? a.groupId : a.customerId);
    case "groupId": case "user_group2_id": return String(a.groupId);
    case "customerId": case "primaryUserId": case "user_id": return String(a.customerId);
    case "externalId": return groupRoute ? MARKS.groupExternalId : MARKS.externalId;
    case "user_group2_external_id": return MARKS.groupExternalId;
    case "programId": case "program_id": return String(a.programId);
    case "identifierName": return identifier.name;
    case "identifierValue": return identifier.value();
    case "mobile": return MARKS.mobile;
    case "email": return MARKS.email;
    case "external_id": return MARKS.externalId;
    case "q": return groupRoute ? MARKS.group : MARKS.lastName;
    case "source": return "INSTORE";
    case "points": return "10";
    default: return undefined;
  }
}

const IDENTIFIERS = [
  { name: "mobile", value: () => MARKS.mobile },
  { name: "email", value: () => MARKS.email },
  { name: "externalId", value: () => MARKS.externalId },
  { name: "id", value: () => String(a.customerId) },
];

type Probe = { label: string; url: string; handler: Handler; params: Record<string, string> };

async function probes(): Promise<Probe[]> {
  const doc = openApiDocument() as unknown as Doc;
  const out: Probe[] = [];
  for (const route of [...scanApiRoutes(process.cwd(), API_DIR), ...scanApiRoutes(process.cwd(), API_V11_DIR)]) {
    if (!route.methods.includes("GET") || route.segments.some((s) => s.kind === "catchAll")) continue;
    const url = path.dirname(route.file).replace(/^app\/api/, "").replace(/\[(\w+)\]/g, "{$1}");
    const operation = doc.paths[url]?.get;
    if (!operation) throw new Error(`GET ${url} is not in the OpenAPI document`);
    const handler = ((await import(path.join(process.cwd(), route.file))) as Record<string, Handler>).GET!;
    const parameters = operation.parameters ?? [];
    const usesIdentifier = parameters.some((p) => p.name === "identifierName");
    for (const identifier of usesIdentifier ? IDENTIFIERS : IDENTIFIERS.slice(0, 1)) {
      const query = new URLSearchParams();
      const params: Record<string, string> = {};
      let concrete = url;
      for (const p of parameters) {
        const value = valueFor(url, p, identifier);
        if (value === undefined) continue;
        if (p.in === "path") {
          params[p.name] = value;
          concrete = concrete.replace(`{${p.name}}`, value);
        } else query.set(p.name, value);
      }
      out.push({ label: `GET ${url}${usesIdentifier ? ` by ${identifier.name}` : ""}`, url: `${concrete}?${query}`, handler, params });
    }
  }
  return out;
}

// The marks an answer carries beyond those the question itself sent (an error that repeats the
// identifier asked for tells the caller nothing it did not know; the customer's name would).
// The first org's customer and group ids count too (a lookup answers with the id alone).
const marksIn = (body: unknown, asked: string) => {
  const text = JSON.stringify(body);
  const question = decodeURIComponent(asked);
  const named = Object.entries(MARKS).filter(([, mark]) => mark && text.includes(mark) && !question.includes(mark)).map(([name]) => name);
  const ids = Object.entries({ customerId: a.customerId, groupId: a.groupId }).filter(
    ([, id]) => new RegExp(`(^|[^0-9])${id}([^0-9]|$)`).test(text) && !new RegExp(`(^|[^0-9])${id}([^0-9]|$)`).test(question),
  );
  return [...named, ...ids.map(([name]) => name)];
};

describe("a second org's API client", () => {
  it("sees none of the first org's programs, customers, groups or ledger through any reading door", async () => {
    const all = await probes();
    expect(all.length).toBeGreaterThan(25);
    const leaks: string[] = [];
    const reached: string[] = [];
    for (const probe of all) {
      const theirs = await callRoute(probe.handler, probe.url, { headers: { authorization: foreign }, params: probe.params });
      expect(theirs.status, `${probe.label}: a 5xx is a bug`).toBeLessThan(500);
      const seen = marksIn(theirs.body, probe.url);
      if (seen.length > 0) leaks.push(`${probe.label} (${probe.url}): ${seen.join(", ")}`);
      const mine = await callRoute(probe.handler, probe.url, { headers: { authorization: own }, params: probe.params });
      if (marksIn(mine.body, probe.url).length > 0) reached.push(probe.label);
    }
    expect(leaks).toEqual([]);
    // The control: the first org's own client finds its data through these doors with the same
    // questions, so each probe asked for something that exists.
    expect(reached).toEqual(expect.arrayContaining([
      "GET /v2/programs", "GET /v2/programs/{id}", "GET /v2/customers/{id}", "GET /v2/customers/lookup by mobile",
      "GET /v2/customers/lookup by email", "GET /v2/customers/lookup by externalId", "GET /v2/customers/search", "GET /v2/userGroup2",
      "GET /v2/userGroup2/search", "GET /v2/pointsLedger/getCustomerLedgerInfo by mobile",
    ]));
    console.log(`cross-org api probes=${all.length} reached-by-owner=${reached.length} leaks=${leaks.length}`);
  });
});
