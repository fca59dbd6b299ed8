import "server-only";
import type { Permission } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";

/**
 * A layout that checks the role before anything streams. A check inside a page runs under the
 * segment's loading.tsx (a Suspense boundary): by then the response has started as 200 and
 * forbidden() can only swap the content. In a layout above the loading boundary it answers 403.
 * The pages keep their own requirePageUser (for the user and as a second guard).
 */
export function pageGate(path: string, permission: Permission) {
  return async function PageGate({ children }: { children: React.ReactNode }) {
    await requirePageUser(path, permission);
    return children;
  };
}
