"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { SearchKind } from "@/lib/customers/console-search";

const DEBOUNCE_MS = 300;

/**
 * Member Care's one box. A plain GET form underneath (it works before the script loads, and the
 * search lives in the URL: shareable, back button); once hydrated it searches as the agent types,
 * a pause after the last key, by replacing the URL so the server renders the results. Arrow keys
 * walk from the box through the result links (`data-search-result`), Enter opens one.
 */
export function SearchBox({ q, kind }: { q: string; kind: SearchKind }) {
  const router = useRouter();
  const pathname = usePathname();
  const [value, setValue] = useState(q);
  const [pending, startTransition] = useTransition();
  const last = useRef(q);

  useEffect(() => {
    const text = value.trim();
    if (text === last.current) return;
    const timer = setTimeout(() => {
      last.current = text;
      const params = new URLSearchParams();
      if (text) params.set("q", text);
      if (kind === "groups") params.set("in", "groups");
      const query = params.toString();
      startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value, kind, pathname, router]);

  return (
    <form role="search" action="/member-care" method="get" className="flex max-w-2xl gap-2" onKeyDown={moveThroughResults}>
      <label htmlFor="member-care-q" className="sr-only">
        {kind === "groups" ? "Search groups" : "Search customers and groups"}
      </label>
      {kind === "groups" ? <input type="hidden" name="in" value="groups" /> : null}
      <Input
        id="member-care-q"
        name="q"
        type="search"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        placeholder={kind === "groups" ? "Group id, name, external id, or the primary's mobile, email or card" : "Mobile, email, external id, card, id or name"}
        autoFocus
        autoComplete="off"
        maxLength={100}
        className="h-10"
        aria-describedby="member-care-search-status"
      />
      <Button type="submit" size="lg">
        Search
      </Button>
      {/* Shown, not only announced: the last results stay on screen until the new ones arrive. */}
      <span id="member-care-search-status" className="self-center whitespace-nowrap text-sm text-slate-500" aria-live="polite">
        {pending ? "Searching…" : ""}
      </span>
    </form>
  );
}

/** ArrowDown from the box goes to the first result; arrows move between results; the page's links do the rest. */
export function moveThroughResults(event: React.KeyboardEvent) {
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  const results = [...document.querySelectorAll<HTMLAnchorElement>("[data-search-result]")];
  if (results.length === 0) return;
  const at = results.indexOf(document.activeElement as HTMLAnchorElement);
  event.preventDefault();
  if (event.key === "ArrowDown") results[Math.min(at + 1, results.length - 1)]?.focus();
  else if (at <= 0) document.getElementById("member-care-q")?.focus();
  else results[at - 1]?.focus();
}
