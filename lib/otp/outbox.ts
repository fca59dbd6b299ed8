import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue";

// Messages to customers (OTPs) go through an outbox: the row and an `outbox:deliver` job (lib/jobs)
// are written in the same transaction as what caused them, so a rolled-back request sends nothing
// and a committed one is never lost. The issuer delivers at once after its commit (a code is
// wanted now); the queued job delivers what that missed (a crash, a failed send) and finds the
// rest already claimed. `Sender` is the seam for a real channel: today the only sender is the
// console's log (development has no SMS or e-mail gateway). A delivered message's text is scrubbed.

export type OutboxChannel = "SMS" | "EMAIL";
export type Sender = (message: { channel: OutboxChannel; recipient: string; body: string }) => Promise<void>;

/** The development sender: prints the message where the console's log shows it. */
export const logSender: Sender = async ({ channel, recipient, body }) => {
  console.info(`[outbox] ${channel} to ${recipient}: ${body}`);
};

export async function enqueueMessage(
  tx: Pick<Prisma.TransactionClient, "outboxMessage" | "$queryRawUnsafe">,
  message: { orgId: number; channel: OutboxChannel; recipient: string; template: string; body: string },
): Promise<number> {
  const row = await tx.outboxMessage.create({ data: message, select: { id: true } });
  // A little later than now, so the issuer's own delivery after commit usually wins the claim.
  await enqueueJob(tx, "outbox:deliver", { messageIds: [row.id] }, { runAt: new Date(Date.now() + 30_000), maxAttempts: 10 });
  return row.id;
}

/** Delivers these messages (or every pending one), each once: a row is claimed before it is sent. */
export async function deliverPending(ids?: number[], send: Sender = logSender): Promise<{ sent: number; failed: number }> {
  const due = await db.outboxMessage.findMany({
    where: { status: "PENDING", ...(ids ? { id: { in: ids } } : {}) },
    orderBy: { id: "asc" },
    take: 100,
    select: { id: true, channel: true, recipient: true, body: true },
  });
  let sent = 0;
  let failed = 0;
  for (const m of due) {
    // Claim it: of two workers, one updates the row and sends; the other finds nothing to claim.
    const claimed = await db.outboxMessage.updateMany({ where: { id: m.id, status: "PENDING" }, data: { attempts: { increment: 1 }, status: "DELIVERED", deliveredAt: new Date(), body: "" } });
    if (claimed.count === 0) continue;
    try {
      await send({ channel: m.channel as OutboxChannel, recipient: m.recipient, body: m.body });
      sent++;
    } catch (error) {
      failed++;
      await db.outboxMessage.update({ where: { id: m.id }, data: { status: "PENDING", deliveredAt: null, body: m.body, lastError: String(error).slice(0, 500) } });
    }
  }
  return { sent, failed };
}
