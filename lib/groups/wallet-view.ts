import "server-only";
import { db } from "@/lib/db/client";
import { getOrgConfig } from "@/lib/org/configs";
import type { ProgramDetail } from "./wallet";

// Which group wallets the group page shows, as the org's CONF_ENABLE_GROUP_POINTS_BY_PROGRAM
// decides where the engine, transfers and redemptions put a group's points (SPEC §0, §7):
// - on: one wallet per program; every active program is listed, an empty one at zero, so an
//   agent sees "nothing in Brand B yet" rather than a missing row;
// - off: one combined wallet, kept in the default program's account, which every group credit
//   and redemption uses whatever the program. Points left in another program's account (from
//   before the org switched the config off) are listed apart: redemptions no longer draw on them.

export type WalletMode = "PER_PROGRAM" | "COMBINED";
export type GroupWallets = {
  mode: WalletMode;
  /** PER_PROGRAM: one per program, default first. COMBINED: the one combined wallet. */
  wallets: ProgramDetail[];
  /** COMBINED only: other programs' accounts that still hold or held points. */
  leftOver: ProgramDetail[];
};

/** `details` is the group's wallet per program as the ledger holds it (groupProgramDetails). */
export async function groupWallets(orgId: number, details: ProgramDetail[]): Promise<GroupWallets> {
  if (!(await getOrgConfig(orgId, "CONF_ENABLE_GROUP_POINTS_BY_PROGRAM"))) {
    const combined = details.find((p) => p.isDefault);
    const leftOver = details.filter((p) => !p.isDefault && (p.currentPoints !== 0 || p.lifetimePoints !== 0));
    return { mode: "COMBINED", wallets: combined ? [combined] : [], leftOver };
  }
  const held = new Set(details.map((p) => p.programId));
  const others = await db.program.findMany({
    where: { orgId, active: true, id: { notIn: [...held] } },
    select: { id: true, name: true, isDefault: true },
    orderBy: { name: "asc" },
  });
  const empty = others.map((p): ProgramDetail => ({
    programId: p.id, programName: p.name, isDefault: p.isDefault,
    currentPoints: 0, lifetimePoints: 0, redeemedPoints: 0, expiredPoints: 0, returnedPoints: 0, tier: null,
  }));
  const wallets = [...details, ...empty].sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.programName.localeCompare(b.programName));
  return { mode: "PER_PROGRAM", wallets, leftOver: [] };
}
