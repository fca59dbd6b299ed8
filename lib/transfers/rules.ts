import { memberCan } from "@/lib/groups/rules";

// The pure rules of a transfer (SPEC §1, §2.1, seed 000, seed 003), apart from the database so
// they are tested on their own. lib/transfers' services read the facts, then ask these.

export type OwnerKind = "CUSTOMER" | "USERGROUP";

/**
 * The wallet a transfer uses in program `programId`: a customer's wallet in that program; a
 * group's wallet lives in the default program unless CONF_ENABLE_GROUP_POINTS_BY_PROGRAM (as the
 * engine earns into it, DESIGN §4).
 */
export function walletProgram(owner: OwnerKind, programId: number, ctx: { defaultProgramId: number; groupPointsByProgram: boolean }): number {
  return owner === "USERGROUP" && !ctx.groupPointsByProgram ? ctx.defaultProgramId : programId;
}

/** Promotional points never move to a group wallet (SPEC §1, DESIGN §3 invariant 6). */
export function movesRegularOnly(to: OwnerKind): boolean {
  return to === "USERGROUP";
}

export type InitiatorCheck =
  | { ok: true }
  | { ok: false; code: 434 | 1651 | 817; detail: string };

/**
 * Who may move points (SPEC §2.1, SPEC-vendor-api §0.3): from a customer, only that customer
 * (434 otherwise: no one transfers on another member's behalf); from a group, a current member
 * (1651 otherwise) with transfer permission: the primary, or a secondary with
 * allow_points_transfer and without block_points_transfer (817 otherwise).
 */
export function checkInitiator(
  from: { kind: OwnerKind; id: number },
  initiatorId: number | null,
  membership: { primaryMember: boolean; permissions: readonly string[] } | null,
): InitiatorCheck {
  if (from.kind === "CUSTOMER") {
    if (initiatorId !== null && initiatorId !== from.id) {
      return { ok: false, code: 434, detail: `(customer ${initiatorId} cannot transfer the points of customer ${from.id})` };
    }
    return { ok: true };
  }
  if (initiatorId === null) return { ok: false, code: 434, detail: "(a transfer from a group names the member who asks)" };
  if (!membership) return { ok: false, code: 1651, detail: `(customer ${initiatorId} is not a current member of group ${from.id})` };
  if (!memberCan(membership, "transfer")) {
    return { ok: false, code: 817, detail: `Member ${initiatorId} has no points transfer permission in group ${from.id} (block_points_transfer, or no allow_points_transfer).` };
  }
  return { ok: true };
}

/** The vendor's date format for transfers: "YYYY-MM-DD HH:MM:SS" (UTC). */
export function vendorDate(at: Date): string {
  return at.toISOString().slice(0, 19).replace("T", " ");
}
