"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

const TABS = [
  { slug: "", label: "Overview" },
  { slug: "/tiers", label: "Tiers" },
  { slug: "/strategies", label: "Strategies" },
  { slug: "/workflows", label: "Workflows" },
] as const;

/** The program's tabs (SPEC §6 "Edit Program" areas), each a route of its own. */
export function ProgramTabs({ programId, showWorkflows = true, unpublished = false }: { programId: number; showWorkflows?: boolean; unpublished?: boolean }) {
  const pathname = usePathname();
  const base = `/programs/${programId}`;
  return (
    <nav aria-label="Program sections" className="border-b border-slate-200">
      <ul className="-mb-px flex gap-4">
        {TABS.filter((tab) => showWorkflows || tab.slug !== "/workflows").map((tab) => {
          const href = `${base}${tab.slug}`;
          const current = pathname === href;
          return (
            <li key={tab.label}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "inline-block border-b-2 px-1 pb-2 text-sm font-medium",
                  current ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
                )}
              >
                {tab.label}
                {tab.slug === "/workflows" && unpublished ? (
                  <span role="img" aria-label="Unpublished changes" title="Unpublished changes" className="ml-1.5 inline-block h-2 w-2 rounded-full bg-red-600 align-middle" />
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
