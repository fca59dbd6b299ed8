"use client";

import { ProgressProvider } from "@bprogress/next/app";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { SessionProvider } from "next-auth/react";
import { useState } from "react";
import { Toaster } from "sonner";
import { LinkClickProgress } from "./link-click-progress";

export function Providers({ children }: { children: React.ReactNode }) {
  // One QueryClient per browser session (STYLE.md: created in useState, not at module scope).
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } }));
  return (
    <SessionProvider>
      <QueryClientProvider client={queryClient}>
        {/* A thin bar at the top from a link's click until the next page is there, so a slow
            server render never looks like a dead click (the segment's loading.tsx fills the page). */}
        <ProgressProvider height="3px" color="var(--color-brand-600)" options={{ showSpinner: false }} disableAnchorClick>
          <LinkClickProgress />
          {children}
        </ProgressProvider>
        {/* Bottom right: at the top they covered the header's controls (notices, sign out). */}
        <Toaster richColors position="bottom-right" />
      </QueryClientProvider>
    </SessionProvider>
  );
}
