// Who did it: every lib/ write takes an actor (DESIGN.md §1) and the audit log names it.
export type Actor =
  | { kind: "user"; id: number; label: string }
  | { kind: "apiClient"; id: number; label: string }
  | { kind: "system"; label: string };

export const SYSTEM_ACTOR: Actor = { kind: "system", label: "system" };
