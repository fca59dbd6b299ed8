// Who did it: every lib/ write takes an actor (DESIGN.md §1) and the audit log names it.
export type Actor =
  | { kind: "user"; id: number; label: string }
  | { kind: "apiClient"; id: number; label: string }
  | { kind: "system"; label: string };

export const SYSTEM_ACTOR: Actor = { kind: "system", label: "system" };

/** The actor of an external-API request: the API client, named by its client id. */
export function apiClientActor(caller: { id: number; clientId: string }): Actor {
  return { kind: "apiClient", id: caller.id, label: caller.clientId };
}
