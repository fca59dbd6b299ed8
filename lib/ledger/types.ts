import type { Actor } from "@/lib/auth/actor";

// The nouns every ledger caller speaks (DESIGN.md §3). Points are decimals with up to four places
// (the columns are DECIMAL(20,4)); callers pass numbers or decimal strings.

export type Points = number | string;

/** Whose wallet: a customer's or a user group's, in one program. */
export type Owner = { type: "CUSTOMER" | "USERGROUP"; id: number };

/** Why points moved: recorded on the movement, shown in history, checked by audits. */
export type Provenance = {
  actor: Actor;
  /** What caused it: API_REQUEST, TRANSACTION, CONSOLE, SYSTEM, … */
  sourceType: string;
  /** The request id, bill number or other reference of the source. */
  sourceRef?: string | null;
  transactionId?: number | null;
  workflowVersionId?: number | null;
  conditionId?: string | null;
  notes?: string | null;
};

export type PostResult = {
  movementId: number;
  accountId: number;
  /** The owner account's balance after the movement. */
  balance: string;
  /** The lot a credit created (null for debits). */
  lotId: number | null;
  /** What the lots could not cover: only a return on a group wallet leaves one (balance below zero). */
  shortfall: string;
};

/** The validity period of a lot awarded under a rolling expiry condition (SPEC §8). */
export type RollingPeriod = { value: number; unit: "DAYS" | "MONTHS" | "YEARS" };
