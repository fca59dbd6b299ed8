import { ORG_UNIT_LABELS, type OrgUnitKind } from "./schema";

// Client-safe rules of deactivation (our own design, SPEC §6 is silent): an org unit that still
// holds active units below it cannot be deactivated, so no active store sits in a dead zone or
// concept and no active till in a dead store (event routing reads till → store → zone/concept).
// The console shows these same sentences in its confirmation dialog; lib/ enforces them.

/** What sits directly below a kind of unit and blocks its deactivation while active. */
export const CHILD_KIND: Partial<Record<OrgUnitKind, OrgUnitKind>> = { zone: "store", concept: "store", store: "till" };

export function plural(count: number, kind: OrgUnitKind): string {
  const { one, many } = ORG_UNIT_LABELS[kind];
  return `${count} active ${count === 1 ? one : many}`;
}

/** The refusal when a unit still holds active children, or null when it may be deactivated. */
export function deactivationRefusal(kind: OrgUnitKind, code: string, activeChildren: number): string | null {
  const child = CHILD_KIND[kind];
  if (!child || activeChildren <= 0) return null;
  return `${capitalise(ORG_UNIT_LABELS[kind].one)} ${code} still has ${plural(activeChildren, child)}. Deactivate or move ${activeChildren === 1 ? "it" : "them"} first.`;
}

/** The refusal when a unit would be reactivated under a deactivated parent, or null. */
export function reactivationRefusal(kind: OrgUnitKind, code: string, inactiveParent: { kind: OrgUnitKind; code: string } | null): string | null {
  if (!inactiveParent) return null;
  return `${capitalise(ORG_UNIT_LABELS[kind].one)} ${code} is in ${ORG_UNIT_LABELS[inactiveParent.kind].one} ${inactiveParent.code}, which is deactivated. Reactivate ${inactiveParent.code} first.`;
}

/** What deactivating does, said before the user confirms. */
export function deactivationEffect(kind: OrgUnitKind, code: string, activeChildren: number): string {
  const refusal = deactivationRefusal(kind, code, activeChildren);
  if (refusal) return refusal;
  switch (kind) {
    case "zone":
    case "concept":
      return `New stores can no longer be placed in ${code}. Program mappings to it are kept. You can reactivate it later.`;
    case "cardSeries":
      return `${code} is marked inactive. Cards already issued keep their series and program mappings are kept. You can reactivate it later.`;
    case "store":
      return `New tills can no longer be added to ${code}. You can reactivate it later.`;
    case "till":
      return `${code} can no longer be chosen for new API clients. Past transactions keep their till. You can reactivate it later.`;
  }
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What reactivating does, said before the user confirms. */
export function reactivationEffect(kind: OrgUnitKind, code: string): string {
  const child = CHILD_KIND[kind];
  if (child) return `${code} can be chosen again for new ${ORG_UNIT_LABELS[child].many}.`;
  if (kind === "till") return `${code} can be chosen again for new API clients.`;
  return `${code} is marked active again.`;
}
