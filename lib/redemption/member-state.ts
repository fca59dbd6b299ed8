import "server-only";
import { sqlRows } from "@/lib/db/sql";
import type { Owner } from "@/lib/ledger/types";
import type { GroupSelector } from "./redeem";

// What a redemption reads of the member before it decides, in one statement: that the customer
// is the org's, the group its selector names (or their default group) and their membership of it,
// the balance of the wallet drawn from, and the program's KPIs it may be eligible by. One round
// trip instead of six; the rules that use them stay in redeem.ts.

export type MemberState = {
  customerFound: boolean;
  /** The group the selector names (ACTIVE), or the member's default group; null when none or not asked. */
  groupId: number | null;
  /** The member's current membership of that group, null when they have none. */
  membership: { primaryMember: boolean; permissions: string[] } | null;
  /** The wallet's account and balance (none yet: null and 0). */
  account: { id: number; balance: number } | null;
  lifetimePoints: number;
  lifetimePurchases: number;
};

type Args = {
  orgId: number;
  customerId: number;
  /** The program whose KPIs count (the program redeemed from). */
  programId: number;
  /** Resolve a group: by its selector ("named"), the member's default group ("default"), or not at all. */
  group: { mode: "named"; selector: GroupSelector } | { mode: "default" } | null;
  /** The wallet whose balance is read: the customer's own, or the resolved group's, in that program; null reads none. */
  wallet: { type: Owner["type"]; programId: number } | null;
};

type Row = {
  customerFound: boolean;
  groupId: number | null;
  primaryMember: boolean | null;
  permissions: string[] | null;
  accountId: number | null;
  balance: string | null;
  lifetimePoints: string | null;
  lifetimePurchases: string | null;
};

export async function readMemberState(a: Args): Promise<MemberState> {
  const mode = a.group?.mode ?? "none";
  const s = a.group?.mode === "named" ? a.group.selector : {};
  const rows = await sqlRows<Row>(`
    WITH g AS (
      SELECT ug.id FROM "UserGroup" ug
       WHERE $1::text = 'named' AND ug."orgId" = $2::int AND ug.status = 'ACTIVE'
         AND ($3::int IS NULL OR ug.id = $3::int)
         AND ($4::text IS NULL OR ug."externalId" = $4::text)
         AND ($5::int IS NULL OR EXISTS (
               SELECT 1 FROM "GroupMembership" pm
                WHERE pm."groupId" = ug.id AND pm."customerId" = $5::int AND pm."primaryMember" AND pm."exitedAt" IS NULL))
      UNION ALL
      SELECT dm."groupId" FROM "GroupMembership" dm JOIN "UserGroup" dg ON dg.id = dm."groupId"
       WHERE $1::text = 'default' AND dm."orgId" = $2::int AND dm."customerId" = $6::int
         AND dm."defaultGroup" AND dm."exitedAt" IS NULL AND dg.status = 'ACTIVE'
      LIMIT 1
    ), m AS (
      SELECT gm."primaryMember", gm.permissions FROM "GroupMembership" gm
       WHERE gm."orgId" = $2::int AND gm."groupId" = (SELECT id FROM g) AND gm."customerId" = $6::int AND gm."exitedAt" IS NULL
       LIMIT 1
    ), acc AS (
      SELECT pa.id, pa.balance FROM "PointsAccount" pa
       WHERE pa."orgId" = $2::int AND pa."programId" = $7::int
         AND pa."ownerType" = CAST($8::text AS "AccountOwner")
         AND pa."ownerId" = CASE WHEN $8::text = 'CUSTOMER' THEN $6::int ELSE (SELECT id FROM g) END
    ), e AS (
      SELECT pe."lifetimePoints", pe."lifetimePurchases" FROM "ProgramEnrollment" pe
       WHERE pe."orgId" = $2::int AND pe."programId" = $9::int AND pe."customerId" = $6::int
    )
    SELECT EXISTS (SELECT 1 FROM "Customer" c WHERE c.id = $6::int AND c."orgId" = $2::int) AS "customerFound",
           (SELECT id FROM g) AS "groupId",
           (SELECT "primaryMember" FROM m) AS "primaryMember",
           (SELECT permissions FROM m) AS permissions,
           (SELECT id FROM acc) AS "accountId",
           (SELECT balance::text FROM acc) AS balance,
           (SELECT "lifetimePoints"::text FROM e) AS "lifetimePoints",
           (SELECT "lifetimePurchases"::text FROM e) AS "lifetimePurchases"`,
    [mode, a.orgId, s.id ?? null, s.externalId ?? null, s.primaryUserId ?? null, a.customerId, a.wallet?.programId ?? null, a.wallet?.type ?? null, a.programId]);
  const r = rows[0]!;
  return {
    customerFound: r.customerFound,
    groupId: r.groupId,
    membership: r.primaryMember === null ? null : { primaryMember: r.primaryMember, permissions: r.permissions ?? [] },
    account: r.accountId === null ? null : { id: r.accountId, balance: Number(r.balance) },
    lifetimePoints: Number(r.lifetimePoints ?? 0),
    lifetimePurchases: Number(r.lifetimePurchases ?? 0),
  };
}
