import "server-only";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/auth/permissions";

export type ConsoleUserRow = { id: number; name: string; email: string; role: Role; active: boolean; lastLoginAt: Date | null };

export async function listConsoleUsers({ orgId }: { orgId: number }): Promise<ConsoleUserRow[]> {
  return db.user.findMany({
    where: { orgId },
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: { id: true, name: true, email: true, role: true, active: true, lastLoginAt: true },
  });
}
