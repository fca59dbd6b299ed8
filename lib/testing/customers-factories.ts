import { randomBytes } from "node:crypto";
import { hashSecret } from "@/lib/auth/password";
import type { ApiScope } from "@/lib/auth/scopes";
import { registerCustomer } from "@/lib/customers/register";
import { customerBodySchema } from "@/lib/customers/schema";
import { db } from "@/lib/db/client";
import type { MlpType } from "@/lib/generated/prisma/client";
import { basic } from "./factories";
import { createMappedProgram, createMlpOrg } from "./programs-factories";

// Customers test data: an MLP org (concept by default) with a brand program per concept and per
// card series, an API client bound to TILL-001 (Trends), and a few customer extended fields.
const unique = () => randomBytes(4).toString("hex");

export async function createCustomersOrg(mlpType: MlpType = "CONCEPT") {
  const base = await createMlpOrg(mlpType);
  const orgId = base.org.id;
  const entityIds =
    mlpType === "CARD_SERIES"
      ? { trends: base.cardSeries.classic.id, jewel: base.cardSeries.premier.id }
      : mlpType === "ZONE"
        ? { trends: base.zones.north.id, jewel: base.zones.south.id }
        : { trends: base.concepts.trends.id, jewel: base.concepts.jewel.id };
  const trends = await createMappedProgram(orgId, { name: "Trends Style Club", entityType: mlpType, entityIds: [entityIds.trends] });
  const jewel = await createMappedProgram(orgId, { name: "Jewel Circle", entityType: mlpType, entityIds: [entityIds.jewel] });
  for (const [programId, tiers] of [[base.defaultProgram.id, ["Silver", "Gold"]], [trends.id, ["SilverTrends", "GoldTrends"]], [jewel.id, ["Pearl"]]] as const) {
    for (const [i, name] of tiers.entries()) await db.tier.create({ data: { orgId, programId, number: i + 1, name, threshold: i * 1000 } });
  }
  await db.extendedFieldDef.createMany({
    data: [
      { orgId, scope: "CUSTOMER", name: "gender", type: "ENUM", allowedValues: ["Male", "Female", "Other"] },
      { orgId, scope: "CUSTOMER", name: "dob", type: "DATE", allowedValues: [] },
      { orgId, scope: "CUSTOMER", name: "kids", type: "NUMBER", allowedValues: [] },
      { orgId, scope: "CUSTOMER", name: "retired_flag", type: "BOOLEAN", allowedValues: [], active: false },
      { orgId, scope: "TRANSACTION", name: "member_card_swiped", type: "ENUM", allowedValues: ["Yes", "No"] },
    ],
  });
  const pos = await createTillClient(orgId, base.tills.till1.id);
  return { ...base, programs: { default: base.defaultProgram, trends, jewel }, pos };
}

const ALL_CUSTOMER_SCOPES: ApiScope[] = ["customers:read", "customers:write"];

/** An API client bound to a till (null: none), holding the customer scopes unless told otherwise. */
export async function createTillClient(orgId: number, tillId: number | null, scopes: ApiScope[] = ALL_CUSTOMER_SCOPES) {
  const secret = `secret-${unique()}`;
  const client = await db.apiClient.create({
    data: { orgId, clientId: `pos-${unique()}`, name: "Test POS", secretHash: await hashSecret(secret), tillId, scopes },
  });
  return { client, authorization: basic(client.clientId, secret) };
}

/** Registers a customer through lib/customers (not the API), as a fixture. */
export async function registerTestCustomer(orgId: number, body: unknown, options: { tillId?: number | null; singleEnroll?: boolean } = {}) {
  const parsed = customerBodySchema.parse(body);
  return db.$transaction((tx) =>
    registerCustomer(tx, {
      orgId,
      actor: { kind: "system", label: "test" },
      body: parsed,
      tillId: options.tillId ?? null,
      singleEnroll: options.singleEnroll ?? false,
    }),
  );
}

/** A unique mobile for a test. */
export function testMobile(): string {
  return `9${String(Math.floor(Math.random() * 1e9)).padStart(9, "0")}`;
}

export const mobileBody = (mobile: string, extra: Record<string, unknown> = {}) => ({
  profiles: [{ firstName: "Test", lastName: "Customer", identifiers: [{ type: "mobile", value: mobile }] }],
  ...extra,
});
