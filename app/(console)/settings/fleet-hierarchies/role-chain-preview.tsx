type PreviewRole = { code?: string | null | undefined; childRoleCode?: string | null | undefined; pointsAggregationRole?: boolean | undefined } | undefined;

/** The chain as it reads top to bottom ("Owner★ → Driver"), following childRoleCode from the top role. */
export function RoleChainPreview({ roles }: { roles: readonly PreviewRole[] }) {
  return <p className="text-sm text-slate-700" data-testid="role-chain">{chainText(roles)}</p>;
}

export function chainText(roles: readonly PreviewRole[]): string {
  const list = roles.filter((r): r is NonNullable<PreviewRole> => Boolean(r?.code));
  if (list.length === 0) return "No roles yet";
  const children = new Set(list.map((r) => r.childRoleCode).filter(Boolean));
  const byCode = new Map(list.map((r) => [r.code, r]));
  const out: string[] = [];
  const seen = new Set<string>();
  let at = list.find((r) => !children.has(r.code)) ?? list[0];
  while (at?.code && !seen.has(at.code)) {
    seen.add(at.code);
    out.push(`${at.code}${at.pointsAggregationRole ? " ★" : ""}`);
    at = at.childRoleCode ? byCode.get(at.childRoleCode) : undefined;
  }
  return out.join(" → ");
}
