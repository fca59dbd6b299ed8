import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
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
        <DataTable caption="Webhooks" className="mb-6" columns={subscriptionColumns(canWrite)} rows={subscriptions} rowKey={(s) => s.id} />
      )}
      <h2 className="mb-2 text-base font-semibold">Recent deliveries</h2>
      {deliveries.length === 0 ? (
        <EmptyState title="No deliveries yet">Deliveries appear here as subscribed events happen, with the receiver&apos;s response code.</EmptyState>
      ) : (
        <DataTable caption="Webhook deliveries" columns={deliveryColumns(canWrite)} rows={deliveries} rowKey={(d) => d.id} />
      )}
    </>
  );
}

type Subscription = Awaited<ReturnType<typeof listSubscriptions>>[number];
type Delivery = Awaited<ReturnType<typeof listDeliveries>>[number];

function subscriptionColumns(canWrite: boolean): DataTableColumn<Subscription>[] {
  const columns: DataTableColumn<Subscription>[] = [
    { id: "name", header: "Name", meta: { className: "font-medium" }, cell: ({ row }) => row.original.name },
    { id: "url", header: "URL", meta: { className: "max-w-xs font-mono text-xs break-all" }, cell: ({ row }) => row.original.url },
    { id: "events", header: "Events", cell: ({ row }) => row.original.events.join(", ") },
    { id: "status", header: "Status", cell: ({ row }) => (row.original.active ? <Badge tone="success">Active</Badge> : <Badge>Paused</Badge>) },
  ];
  if (canWrite) {
    columns.push({
      id: "actions", header: "Actions", meta: { align: "right", srOnlyHeader: true },
      cell: ({ row: { original: s } }) => <WebhookActiveButton id={s.id} name={s.name} active={s.active} />,
    });
  }
  return columns;
}

function deliveryColumns(canWrite: boolean): DataTableColumn<Delivery>[] {
  const columns: DataTableColumn<Delivery>[] = [
    {
      id: "event", header: "Event",
      cell: ({ row: { original: d } }) => (
        <>
          <span className="font-medium">{d.eventName}</span>
          <span className="block font-mono text-xs text-slate-500">{d.eventId}</span>
        </>
      ),
    },
    { id: "webhook", header: "Webhook", cell: ({ row }) => row.original.subscription?.name ?? "—" },
    {
      id: "status", header: "Status",
      cell: ({ row: { original: d } }) => (
        <Badge tone={TONE[d.status]}>{d.status === "PENDING" && d.attempts > 0 ? `Retrying ${formatDateTime(d.nextAttemptAt)}` : d.status.toLowerCase()}</Badge>
      ),
    },
    { id: "attempts", header: "Attempts", meta: { align: "right" }, cell: ({ row }) => row.original.attempts },
    {
      id: "response", header: "Response", meta: { align: "right" },
      cell: ({ row: { original: d } }) => <span title={d.lastError ?? undefined}>{d.lastHttpStatus ?? (d.lastError ? "error" : "—")}</span>,
    },
    { id: "latency", header: "Latency", meta: { align: "right" }, cell: ({ row }) => (row.original.attemptLog[0] ? `${row.original.attemptLog[0].latencyMs} ms` : "—") },
    { id: "created", header: "Created", meta: { className: "whitespace-nowrap" }, cell: ({ row }) => formatDateTime(row.original.createdAt) },
  ];
  if (canWrite) {
    columns.push({
      id: "actions", header: "Actions", meta: { align: "right", srOnlyHeader: true },
      cell: ({ row: { original: d } }) => (d.status === "PENDING" && d.attempts === 0 ? null : <RedeliverButton deliveryId={d.id} eventName={d.eventName} />),
    });
  }
  return columns;
}
