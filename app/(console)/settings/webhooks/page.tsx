import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format/date";
import { listDeliveries, listSubscriptions } from "@/lib/webhooks/subscriptions";
import { CreateWebhook } from "./create-webhook";
import { RedeliverButton, WebhookActiveButton } from "./webhook-buttons";

export const metadata: Metadata = { title: "Webhooks" };

const TONE = { DELIVERED: "success", PENDING: "warning", FAILED: "neutral" } as const;

export default async function WebhooksPage() {
  const user = await requirePageUser("/settings/webhooks", "settings:read");
  const canWrite = can(user.role, "settings:write");
  const [subscriptions, deliveries] = await Promise.all([listSubscriptions(user.orgId), listDeliveries({ orgId: user.orgId })]);
  return (
    <>
      <PageHeader title="Webhooks" description="Event notifications: each event is signed (X-Loyalty-Signature, HMAC-SHA256) and retried with backoff until the receiver answers 2xx." />
      {canWrite ? <CreateWebhook /> : <p className="mb-4 text-sm text-amber-800">You can read the webhooks and their deliveries; only an admin can change them.</p>}
      {subscriptions.length === 0 ? (
        <EmptyState title="No webhooks yet">Subscribe a URL to events such as tierUpgraded or pointsIssued to have them sent as they happen.</EmptyState>
      ) : (
        <Card className="mb-6 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Webhooks</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2">Name</th>
                <th scope="col" className="px-4 py-2">URL</th>
                <th scope="col" className="px-4 py-2">Events</th>
                <th scope="col" className="px-4 py-2">Status</th>
                {canWrite ? <th scope="col" className="px-4 py-2 text-right">Actions</th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {subscriptions.map((s) => (
                <tr key={s.id}>
                  <td className="px-4 py-2 font-medium">{s.name}</td>
                  <td className="max-w-xs px-4 py-2 font-mono text-xs break-all">{s.url}</td>
                  <td className="px-4 py-2">{s.events.join(", ")}</td>
                  <td className="px-4 py-2">{s.active ? <Badge tone="success">Active</Badge> : <Badge>Paused</Badge>}</td>
                  {canWrite ? <td className="px-4 py-2 text-right"><WebhookActiveButton id={s.id} name={s.name} active={s.active} /></td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      <h2 className="mb-2 text-base font-semibold">Recent deliveries</h2>
      {deliveries.length === 0 ? (
        <EmptyState title="No deliveries yet">Deliveries appear here as subscribed events happen, with the receiver&apos;s response code.</EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Webhook deliveries</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2">Event</th>
                <th scope="col" className="px-4 py-2">Webhook</th>
                <th scope="col" className="px-4 py-2">Status</th>
                <th scope="col" className="px-4 py-2 text-right">Attempts</th>
                <th scope="col" className="px-4 py-2 text-right">Response</th>
                <th scope="col" className="px-4 py-2 text-right">Latency</th>
                <th scope="col" className="px-4 py-2">Created</th>
                {canWrite ? <th scope="col" className="px-4 py-2 text-right">Actions</th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {deliveries.map((d) => {
                const last = d.attemptLog[0];
                return (
                  <tr key={d.id}>
                    <td className="px-4 py-2">
                      <span className="font-medium">{d.eventName}</span>
                      <span className="block font-mono text-xs text-slate-500">{d.eventId}</span>
                    </td>
                    <td className="px-4 py-2">{d.subscription?.name ?? "—"}</td>
                    <td className="px-4 py-2"><Badge tone={TONE[d.status]}>{d.status === "PENDING" && d.attempts > 0 ? `Retrying ${formatDateTime(d.nextAttemptAt)}` : d.status.toLowerCase()}</Badge></td>
                    <td className="px-4 py-2 text-right tabular-nums">{d.attempts}</td>
                    <td className="px-4 py-2 text-right tabular-nums" title={d.lastError ?? undefined}>{d.lastHttpStatus ?? (d.lastError ? "error" : "—")}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{last ? `${last.latencyMs} ms` : "—"}</td>
                    <td className="px-4 py-2 whitespace-nowrap">{formatDateTime(d.createdAt)}</td>
                    {canWrite ? <td className="px-4 py-2 text-right">{d.status === "PENDING" && d.attempts === 0 ? null : <RedeliverButton deliveryId={d.id} eventName={d.eventName} />}</td> : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Card>
      )}
    </>
  );
}
