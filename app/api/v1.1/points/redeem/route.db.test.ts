import { describe, expect, it } from "vitest";
import { createFamily, publishLive, walletBalance } from "@/lib/testing/engine-factories";
import { createCustomer, setOrgConfig } from "@/lib/testing/groups-factories";
import { createRedemptionOrg, grant, redemptionDb, setRedemptionStrategy } from "@/lib/testing/redemption-factories";
import { callRoute } from "@/lib/testing/route";
import { POST } from "./route";

type Points = {
  user_id: number;
  redemption_id: string;
  points_redeemed: number;
  redeemed_value: string;
  balance: number;
  program_breakup: { programId: number; points: number; lots: { lotId: number; points: number; expiresOn: string | null }[] }[];
  item_status: { success: boolean; code: number; message: string };
};
type Answer = { response?: { responses: { points: Points } }; errors?: { code: number; message: string; field?: string }[] };

function redeem(authorization: string, entry: Record<string, unknown>, query = "skip_validation=true", headers: Record<string, string> = {}) {
  return callRoute(POST, `/v1.1/points/redeem?${query}`, {
    method: "POST",
    headers: { authorization, "content-type": "application/json", ...headers },
    body: JSON.stringify({ root: { redeem: [{ transaction_number: "V11-1", notes: "till", ...entry }] } }),
  }) as Promise<{ status: number; body: Answer }>;
}

const codeOf = (r: { body: Answer }) => r.body.errors?.[0]?.code;

/** Seed 003's MLP FAQ: the default program's PointsRedemption branches on currentEvent.isGroupProgramRedemption. */
const GROUP_BRANCH = {
  activities: [
    {
      activity: "PointsRedemption" as const,
      rulesets: [
        {
          name: "Redemption",
          conditions: [
            { name: "Group program redemption", expression: "currentEvent.isGroupProgramRedemption==true", whenTrue: [{ type: "REDEEM_GROUP_POINTS" as const }], whenFalse: [{ type: "REDEEM_POINTS" as const }] },
          ],
        },
      ],
    },
  ],
};

describe("POST /v1.1/points/redeem", () => {
  it("redeems in the vendor's shape, the customer named by mobile", async () => {
    const f = await createRedemptionOrg();
    await setRedemptionStrategy(f.orgId, f.defaultProgram.id, {}, "0.5");
    const ana = await createCustomer(f.orgId);
    await grant(f.orgId, f.defaultProgram.id, { type: "CUSTOMER", id: ana.id }, 100);
    const r = await redeem(f.authorization, { points_redeemed: 30, customer: { mobile: ana.mobile } });
    expect(r.status).toBe(200);
    expect(r.body.response?.responses.points).toMatchObject({
      user_id: ana.id, points_redeemed: 30, redeemed_value: "15", balance: 70, item_status: { success: true, code: 800, message: "Points Redeemed" },
    });
    expect(r.body.response?.responses.points.redemption_id).toMatch(/^\d+$/);
  });

  it("needs validation_code unless skip_validation=true (403); names an unknown customer 8015", async () => {
    const f = await createRedemptionOrg();
    await setRedemptionStrategy(f.orgId, f.defaultProgram.id);
    const ana = await createCustomer(f.orgId);
    expect(codeOf(await redeem(f.authorization, { points_redeemed: 1, customer: { mobile: ana.mobile } }, ""))).toBe(403);
    expect(codeOf(await redeem(f.authorization, { points_redeemed: 1, customer: { mobile: "910000000001" } }))).toBe(8015);
    expect((await redeem(f.authorization, { points_redeemed: 1, customer: {} })).status).toBe(400);
  });

  it("takes the group from the query: user_group2_external_id for the primary, refused (828) for a member without permission", async () => {
    const f = await createRedemptionOrg();
    await setRedemptionStrategy(f.orgId, f.defaultProgram.id);
    const { group, members } = await createFamily(f.orgId, 2, "FLEET-V11");
    await grant(f.orgId, f.defaultProgram.id, { type: "USERGROUP", id: group.id }, 100);
    const byOwner = await redeem(f.authorization, { points_redeemed: 40, customer: { mobile: members[0]!.mobile } }, "skip_validation=true&user_group2_external_id=FLEET-V11");
    expect(byOwner.status).toBe(200);
    expect(await walletBalance(f.orgId, "USERGROUP", group.id, f.defaultProgram.id)).toBe(60);
    const byDriver = await redeem(f.authorization, { points_redeemed: 10, customer: { mobile: members[1]!.mobile } }, `skip_validation=true&user_group2_primary_user_id=${members[0]!.id}`);
    expect([byDriver.status, codeOf(byDriver)]).toEqual([403, 828]);
  });

  it("MLP cross-program: 3316 without the config or without the workflow branch; with both, first-expiring points across programs", async () => {
    const f = await createRedemptionOrg();
    await setRedemptionStrategy(f.orgId, f.defaultProgram.id);
    const brand = await redemptionDb.program(f.orgId, "Brand");
    const ana = await createCustomer(f.orgId);
    const day = (d: string) => new Date(`${d}T00:00:00Z`);
    await grant(f.orgId, f.defaultProgram.id, { type: "CUSTOMER", id: ana.id }, 50, { expiresAt: day("2027-09-01") });
    await grant(f.orgId, brand.id, { type: "CUSTOMER", id: ana.id }, 40, { expiresAt: day("2027-03-01") });
    const entry = { points_redeemed: 60, customer: { mobile: ana.mobile }, group_redemption: true };

    const noConfig = await redeem(f.authorization, entry);
    expect([noConfig.status, codeOf(noConfig)]).toEqual([422, 3316]);
    expect(noConfig.body.errors?.[0]?.message).toMatch(/^Group redemption action executed for non group redemption payload/);

    await setOrgConfig(f.orgId, "ENABLE_GROUP_PROGRAMS_REDEMPTION", true);
    expect(codeOf(await redeem(f.authorization, entry))).toBe(3316);

    await publishLive(f.orgId, f.defaultProgram.id, GROUP_BRANCH);
    const r = await redeem(f.authorization, entry);
    expect(r.status).toBe(200);
    const breakup = r.body.response!.responses.points.program_breakup;
    expect(breakup.map((b) => [b.programId, b.points])).toEqual([[f.defaultProgram.id, 20], [brand.id, 40]].sort((a, b) => a[0]! - b[0]!));
    expect(breakup.find((b) => b.programId === brand.id)?.lots).toEqual([expect.objectContaining({ points: 40, expiresOn: "2027-03-01" })]);
    expect(r.body.response!.responses.points.balance).toBe(30);
    expect(await walletBalance(f.orgId, "CUSTOMER", ana.id, brand.id)).toBe(0);

    // With the branch LIVE, a plain payload would run REDEEM_POINTS: fine. A workflow that redeems group points for it: 3316.
    const plain = await redeem(f.authorization, { points_redeemed: 10, customer: { mobile: ana.mobile } });
    expect(plain.status).toBe(200);
    await publishLive(f.orgId, f.defaultProgram.id, {
      activities: [{ ...GROUP_BRANCH.activities[0]!, rulesets: [{ name: "Always group", conditions: [{ ...GROUP_BRANCH.activities[0]!.rulesets[0]!.conditions[0]!, whenFalse: [{ type: "REDEEM_GROUP_POINTS" as const }] }] }] }],
    });
    expect(codeOf(await redeem(f.authorization, { points_redeemed: 10, customer: { mobile: ana.mobile } }))).toBe(3316);
    expect(await redemptionDb.verify(f.orgId)).toEqual([]);
  });
});
