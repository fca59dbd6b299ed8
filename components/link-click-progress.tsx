"use client";

import { useProgress } from "@bprogress/next";
import { useEffect } from "react";

/**
 * Starts the top progress bar when a link to another console page is clicked. bprogress's own
 * link handling attaches to anchors only when the DOM changes after mount, so on a page that never
 * changed, the first click showed no bar; one listener on the document serves every link, present
 * or future. The provider stops the bar when the path or the query changes.
 */
export function LinkClickProgress() {
  const { start } = useProgress();
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!(anchor instanceof HTMLAnchorElement) || anchor.target === "_blank" || anchor.hasAttribute("download")) return;
      const url = new URL(anchor.href);
      if (url.origin !== location.origin || (url.pathname === location.pathname && url.search === location.search)) return;
      start();
    };
    // Capture: Next's <Link> calls preventDefault in its own handler, after this one runs.
    document.addEventListener("click", onClick, true);
    return () => document.removeEventListener("click", onClick, true);
  }, [start]);
  return null;
}
