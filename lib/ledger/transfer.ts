import "server-only";
import { mapLedgerError } from "./errors";
import { decimal, provenanceJson, type LedgerTx } from "./post";
import type { Owner, Points, Provenance } from "./types";

// The ledger's TRANSFER movement (DESIGN.md §3): points leave one owner's wallets and arrive in
// another owner's wallet, in one call of the PL/pgSQL function ledger_transfer (migration
// 20261201121757_points_transfers). It locks every wallet involved in id order (transfers in
// opposite directions queue, never deadlock), takes the sender's lots first-expiring first and
// hands each piece over as a lot with the same kind, award date and expiry.

export type TransferArgs = {
  orgId: number;
  /** The program the movement is filed under (the sender's program, or the recipient's for a cross-program transfer). */
  programId: number;
  from: Owner;
  /** The sender's wallets to draw from: one program, or every program for a cross-program (MLP) transfer. */
  fromPrograms: number[];
  to: Owner;
  toProgramId: number;
  points: Points;
  /** A group recipient: only regular points move; promotional ones stay with the sender (SPEC §1). */
  regularOnly: boolean;
  provenance: Provenance;
};

export type TransferResult = {
  movementId: number;
  toAccountId: number;
  /** The recipient's balance after the transfer. */
  balance: string;
  /** What each of the sender's wallets gave, and its balance after. */
  from: { accountId: number; programId: number; amount: string; balance: string }[];
};

type Raw = { movementId: number; toAccountId: number; balance: number | string; from: { accountId: number; programId: number; amount: number | string; balance: number | string }[] };

/** Moves points between two owners; 818 when the sender's (regular, for a group) points fall short. */
export async function transfer(tx: LedgerTx, args: TransferArgs): Promise<TransferResult> {
  const amount = decimal(args.points);
  const payload = {
    orgId: args.orgId,
    programId: args.programId,
    fromType: args.from.type,
    fromId: args.from.id,
    fromPrograms: args.fromPrograms,
    toType: args.to.type,
    toId: args.to.id,
    toProgramId: args.toProgramId,
    amount,
    regularOnly: args.regularOnly,
    ...provenanceJson(args.provenance),
  };
  try {
    const rows = await tx.$queryRaw<{ r: Raw }[]>`SELECT ledger_transfer(${JSON.stringify(payload)}::jsonb) AS r`;
    const r = rows[0]!.r;
    return {
      movementId: r.movementId,
      toAccountId: r.toAccountId,
      balance: String(r.balance),
      from: r.from.map((f) => ({ accountId: f.accountId, programId: f.programId, amount: String(f.amount), balance: String(f.balance) })),
    };
  } catch (error) {
    throw mapLedgerError(error);
  }
}
