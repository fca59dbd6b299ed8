import "server-only";
import { sqlRows } from "@/lib/db/sql";
import type { EventCustomer, EventGroup } from "./load";
import type { TransactionBody } from "./transaction-schema";

// What a bill reads of its member, in one statement (DESIGN §4 step 1): the customer (by id or by
// an identifier other than e-mail), their e-mail and external id, their enrolments with tiers,
// their wallets, the group the bill earns for (tagged or default, with its size) and that group's
// wallets. Nine Prisma round trips before; the rules that use them stay in load.ts and plan.ts.
// Sent past Prisma (lib/db/sql.ts): its JSON-heavy row cost Prisma more CPU than PostgreSQL.

export type MemberRows = {
  customer: EventCustomer;
  enrolments: { programId: number; lifetimePurchases: number; lifetimePoints: number; visits: number; tier: { number: number; name: string } | null }[];
  /** The customer's and the group's wallets. */
  balances: Map<string, number>;
  group: EventGroup | null;
};

type Row = {
  id: number;
  firstName: string;
  lastName: string;
  joinedAt: Date;
  extendedFields: unknown;
  identifiers: { type: string; value: string }[] | null;
  enrolments: { programId: number; lifetimePurchases: string; lifetimePoints: string; visits: number; tierNumber: number | null; tierName: string | null }[] | null;
  accounts: { ownerType: string; ownerId: number; programId: number; balance: string }[] | null;
  group: { id: number; externalId: string; name: string; size: number } | null;
};

/** The member's rows, or null when no customer of the org has that id or identifier. */
export async function readEventMember(
  orgId: number,
  who: { id: number } | { type: string; value: string },
  body: Pick<TransactionBody, "userGroup2Id" | "userGroup2ExternalId" | "userGroup2PrimaryUserId">,
): Promise<MemberRows | null> {
  const id = "id" in who ? who.id : null;
  const type = "type" in who ? who.type : null;
  const value = "value" in who ? who.value : null;
  const tagged = body.userGroup2Id !== undefined || body.userGroup2ExternalId !== undefined || body.userGroup2PrimaryUserId !== undefined;
  const groupId = body.userGroup2Id ?? null;
  const primaryUserId = body.userGroup2PrimaryUserId ?? null;
  // As the Prisma filter this replaces had it: a primary user id, when tagged, decides the group's
  // filter, and an external id sent beside it is not checked.
  const externalId = primaryUserId === null ? (body.userGroup2ExternalId ?? null) : null;
  const rows = await sqlRows<Row>(`
    WITH c AS (
      SELECT cu.id, cu."firstName", cu."lastName", cu."joinedAt", cu."extendedFields" FROM "Customer" cu
       WHERE cu.id = COALESCE($1::int, (
               SELECT ci."customerId" FROM "CustomerIdentifier" ci
                WHERE ci."orgId" = $2::int AND ci.type = CAST($3::text AS "IdentifierType") AND ci.value = $4::text
                ORDER BY ci.id LIMIT 1))
         AND cu."orgId" = $2::int
    ), g AS (
      SELECT ug.id, ug."externalId", ug."groupName" FROM "GroupMembership" gm JOIN "UserGroup" ug ON ug.id = gm."groupId"
       WHERE gm."orgId" = $2::int AND gm."customerId" = (SELECT id FROM c) AND gm."exitedAt" IS NULL AND ug.status = 'ACTIVE'
         AND ($5::boolean OR gm."defaultGroup")
         AND ($6::int IS NULL OR gm."groupId" = $6::int)
         AND ($7::text IS NULL OR ug."externalId" = $7::text)
         AND ($8::int IS NULL OR EXISTS (
               SELECT 1 FROM "GroupMembership" pm
                WHERE pm."groupId" = ug.id AND pm."customerId" = $8::int AND pm."primaryMember" AND pm."exitedAt" IS NULL))
       LIMIT 1
    )
    SELECT c.id, c."firstName", c."lastName", c."joinedAt", c."extendedFields",
      (SELECT json_agg(json_build_object('type', i.type, 'value', i.value) ORDER BY i.id)
         FROM "CustomerIdentifier" i WHERE i."customerId" = c.id AND i.type IN ('EMAIL', 'EXTERNAL_ID')) AS identifiers,
      (SELECT json_agg(json_build_object('programId', e."programId", 'lifetimePurchases', e."lifetimePurchases"::text, 'lifetimePoints', e."lifetimePoints"::text,
                                         'visits', e.visits, 'tierNumber', t.number, 'tierName', t.name))
         FROM "ProgramEnrollment" e LEFT JOIN "Tier" t ON t.id = e."tierId" WHERE e."orgId" = $2::int AND e."customerId" = c.id) AS enrolments,
      (SELECT json_agg(json_build_object('ownerType', a."ownerType", 'ownerId', a."ownerId", 'programId', a."programId", 'balance', a.balance::text))
         FROM "PointsAccount" a
        WHERE a."orgId" = $2::int AND ((a."ownerType" = 'CUSTOMER' AND a."ownerId" = c.id) OR (a."ownerType" = 'USERGROUP' AND a."ownerId" = (SELECT id FROM g)))) AS accounts,
      (SELECT json_build_object('id', g.id, 'externalId', g."externalId", 'name', g."groupName",
                                'size', (SELECT count(*) FROM "GroupMembership" x WHERE x."groupId" = g.id AND x."exitedAt" IS NULL))
         FROM g) AS "group"
    FROM c`,
    [id, orgId, type, value, tagged, groupId, externalId, primaryUserId]);
  const r = rows[0];
  if (!r) return null;
  const ids = r.identifiers ?? [];
  return {
    customer: {
      id: r.id, firstName: r.firstName, lastName: r.lastName, joinedAt: r.joinedAt,
      email: ids.find((i) => i.type === "EMAIL")?.value ?? null,
      externalId: ids.find((i) => i.type === "EXTERNAL_ID")?.value ?? null,
      extendedFields: (r.extendedFields ?? {}) as Record<string, unknown>,
    },
    enrolments: (r.enrolments ?? []).map((e) => ({
      programId: e.programId, lifetimePurchases: Number(e.lifetimePurchases), lifetimePoints: Number(e.lifetimePoints), visits: e.visits,
      tier: e.tierNumber === null ? null : { number: e.tierNumber, name: e.tierName! },
    })),
    balances: new Map((r.accounts ?? []).map((a) => [`${a.ownerType}:${a.ownerId}:${a.programId}`, Number(a.balance)])),
    group: r.group ? { id: r.group.id, externalId: r.group.externalId, name: r.group.name, size: Number(r.group.size), lifetimePurchases: 0 } : null,
  };
}
