"use client";

import { moveThroughResults } from "./search-box";

/** Lets the arrow keys keep walking once focus has left the box for a result link. */
export function SearchKeys({ children }: { children: React.ReactNode }) {
  return (
    // The results are links, each reachable by Tab; the arrows are a shortcut on top.
    <div onKeyDown={moveThroughResults}>{children}</div>
  );
}
