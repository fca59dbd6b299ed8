import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

// Messages to customers (OTPs) go through an outbox: the row is written in the same transaction
// as what caused it, and delivered after the commit, so a rolled-back request sends nothing and a
// committed one is never lost. Delivery is the seam for a real channel: today the only sender is
// the console's log (development has no SMS or e-mail gateway), and a job queue worker can call
// deliverPending() for rows a crashed process left PENDING. A delivered message's text is scrubbed.

export type OutboxChannel = "SMS" | "EMAIL";
export type Sender = (message: { channel: OutboxChannel; recipient: string; body: string }) => Promise<void>;

/** The development sender: prints the message where the console's log shows it. */
export const logSender: Sender = async ({ channel, recipient, body }) => {
  console.info(`[outbox] ${channel} to ${recipient}: ${body}`);
};

export async function enqueueMessage(
  tx: Pick<Prisma.TransactionClient, "outboxMessage">,
  message: { orgId: number; channel: OutboxChannel; recipient: string; template: string; body: string },
): Promise<number> {
  const row = await tx.outboxMessage.create({ data: message, select: { id: true } });
  return row.id;
}

/** Delivers these messages (or every pending one), each once: a row is claimed before it is sent. */
export async function deliverPending(ids?: number[], send: Sender = logSender): Promise<number> {
  const due = await db.outboxMessage.findMany({
    where: { status: "PENDING", ...(ids ? { id: { in: ids } } : {}) },
    orderBy: { id: "asc" },
    take: 100,
    select: { id: true, channel: true, recipient: true, body: true },
  });
  let sent = 0;
  for (const m of due) {
    // Claim it: of two workers, one updates the row and sends; the other finds nothing to claim.
    const claimed = await db.outboxMessage.updateMany({ where: { id: m.id, status: "PENDING" }, data: { attempts: { increment: 1 }, status: "DELIVERED", deliveredAt: new Date(), body: "" } });
    if (claimed.count === 0) continue;
    try {
      await send({ channel: m.channel as OutboxChannel, recipient: m.recipient, body: m.body });
      sent++;
    } catch (error) {
      await db.outboxMessage.update({ where: { id: m.id }, data: { status: "PENDING", deliveredAt: null, body: m.body, lastError: String(error).slice(0, 500) } });
    }
  }
  return sent;
}
