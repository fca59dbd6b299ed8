import Link from "next/link";
import { cn } from "@/lib/utils";
import { ORG_UNIT_KINDS, ORG_UNIT_LABELS, type OrgUnitKind } from "@/lib/programs/org-structure/schema";

/** One tab per kind of unit, with its count; plain links so the server pages each list. */
export function UnitTabs({ current, counts }: { current: OrgUnitKind; counts: Record<OrgUnitKind, number> }) {
  return (
    <nav aria-label="Organisation units" className="mt-8 border-b border-slate-200">
      <ul className="-mb-px flex flex-wrap gap-1">
        {ORG_UNIT_KINDS.map((kind) => {
          const active = kind === current;
          return (
            <li key={kind}>
              <Link
                href={`/settings/organisation?tab=${ORG_UNIT_LABELS[kind].tab}`}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-flex items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium capitalize",
                  active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900",
                )}
              >
                {ORG_UNIT_LABELS[kind].many}
                <span className="rounded-full bg-slate-100 px-2 text-xs text-slate-600">{counts[kind]}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
