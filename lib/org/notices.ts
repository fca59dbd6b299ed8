import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

// In-console notices: what a user should hear about without watching the audit log (a program
// they contribute to was published, a publish waits for their approval). Written in the same
// transaction as the change they announce.

type Tx = Prisma.TransactionClient;

export type NoticeInput = { orgId: number; userIds: readonly number[]; kind: string; title: string; body?: string; href?: string };

export type NoticeDto = { id: number; kind: string; title: string; body: string; href: string | null; createdAt: Date; readAt: Date | null };

export async function notify(tx: Tx, notice: NoticeInput): Promise<void> {
  const userIds = [...new Set(notice.userIds)];
  if (userIds.length === 0) return;
  // Only active users of the same org hear anything, whatever the caller passed.
  const users = await tx.user.findMany({ where: { orgId: notice.orgId, id: { in: userIds }, active: true }, select: { id: true } });
  if (users.length === 0) return;
  await tx.notice.createMany({
    data: users.map((u) => ({ orgId: notice.orgId, userId: u.id, kind: notice.kind, title: notice.title, body: notice.body ?? "", ...(notice.href ? { href: notice.href } : {}) })),
  });
}

export async function listNotices({ orgId, userId, limit = 20 }: { orgId: number; userId: number; limit?: number }): Promise<{ notices: NoticeDto[]; unread: number }> {
  const [notices, unread] = await Promise.all([
    db.notice.findMany({
      where: { orgId, userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
      select: { id: true, kind: true, title: true, body: true, href: true, createdAt: true, readAt: true },
    }),
    db.notice.count({ where: { orgId, userId, readAt: null } }),
  ]);
  return { notices, unread };
}

export async function markNoticesRead({ orgId, userId }: { orgId: number; userId: number }): Promise<void> {
  await db.notice.updateMany({ where: { orgId, userId, readAt: null }, data: { readAt: new Date() } });
}
