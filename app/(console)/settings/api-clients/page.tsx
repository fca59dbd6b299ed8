import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ReadOnlyNotice } from "@/components/ui/read-only-notice";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { listQuerySchema } from "@/lib/pagination";
import { listActiveTills, listApiClients, type ApiClientRow } from "@/lib/org/api-clients";
import { API_SCOPES } from "@/lib/auth/scopes";
import { formatDateTime } from "@/lib/format/date";
import { CreateApiClient } from "./create-api-client";
import { RateLimitForm } from "./rate-limit-form";
import { RevokeApiClientButton } from "./revoke-api-client-button";
import { TrustCheckbox } from "./trust-checkbox";

export const metadata: Metadata = { title: "API clients" };

const SCOPE_LABELS = new Map<string, string>(API_SCOPES.map((s) => [s.scope, s.label]));

const pageQuery = listQuerySchema(["createdAt"], "createdAt");

export default async function ApiClientsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/settings/api-clients", "settings:read");
  const canWrite = can(user.role, "settings:write");
  const params = await searchParams;
  const { page } = pageQuery.parse(params);
  const [clients, tills] = await Promise.all([
    listApiClients({ orgId: user.orgId, page }),
    canWrite ? listActiveTills({ orgId: user.orgId }) : [],
  ]);
  return (
    <>
      <PageHeader
        title="API clients"
        description="Credentials that POS, e-commerce and CRM systems use to call the /v2 API with HTTP Basic auth."
      />
      {canWrite ? null : <ReadOnlyNotice what="the API clients" />}
      {canWrite ? <CreateApiClient tills={tills} /> : null}
      {clients.total === 0 ? (
        <EmptyState title="No API clients yet">
          {canWrite ? "Create one for each system that calls the API, so you can revoke one without touching the others." : "An admin creates API clients for the systems that call the API."}
        </EmptyState>
      ) : (
        <DataTable
          caption="API clients"
          columns={columnsFor(canWrite)}
          rows={clients.rows}
          rowKey={(c) => c.id}
          rowClassName={(c) => (c.revokedAt ? "text-slate-500" : undefined)}
          url={{ path: "/settings/api-clients", params }}
          paging={clients}
        />
      )}
    </>
  );
}

function columnsFor(canWrite: boolean): DataTableColumn<ApiClientRow>[] {
  const columns: DataTableColumn<ApiClientRow>[] = [
    { id: "name", header: "Name", meta: { className: "font-medium" }, cell: ({ row }) => row.original.name },
    { id: "clientId", header: "Client id", meta: { className: "font-mono text-xs" }, cell: ({ row }) => row.original.clientId },
    { id: "till", header: "Till", cell: ({ row: { original: c } }) => (c.till ? `${c.till.code} · ${c.till.name}` : "Not bound · default program only") },
    {
      id: "scopes",
      header: "Scopes",
      cell: ({ row: { original: c } }) => (
        <ul className="flex flex-wrap gap-1">
          {c.scopes.map((s) => (
            <li key={s}>
              <Badge title={SCOPE_LABELS.get(s)}>{s}</Badge>
            </li>
          ))}
        </ul>
      ),
    },
    // Dates may wrap: with the transfer-trust column a one-line date pushed the table wider than the page.
    { id: "created", header: "Created", cell: ({ row }) => formatDateTime(row.original.createdAt) },
    { id: "lastUsed", header: "Last used", cell: ({ row: { original: c } }) => (c.lastUsedAt ? formatDateTime(c.lastUsedAt) : "Never") },
    {
      id: "trust",
      header: "No OTP for transfers",
      cell: ({ row: { original: c } }) =>
        // Customer-to-customer transfers without the sender's OTP, while the org's
        // POINTS_TRANSFER_OTP_WAIVED_FOR_TRUSTED_CLIENTS config is on (issue 11).
        canWrite ? <TrustCheckbox id={c.id} name={c.name} trusted={c.trustedForTransfers} disabled={c.revokedAt !== null} /> : c.trustedForTransfers ? "Yes" : "No",
    },
    {
      id: "rateLimit",
      header: "Requests per minute",
      cell: ({ row: { original: c } }) =>
        // Past it the API answers 429 with Retry-After (lib/api/rate-limit.ts); 0 is no limit.
        canWrite && !c.revokedAt ? (
          <RateLimitForm id={c.id} name={c.name} rateLimitPerMinute={c.rateLimitPerMinute} />
        ) : c.rateLimitPerMinute === 0 ? (
          "No limit"
        ) : (
          c.rateLimitPerMinute.toLocaleString("en")
        ),
    },
    {
      id: "status",
      header: "Status",
      // The revocation date under the badge, not in it: a badge does not wrap, and pushed the
      // table wider than the page.
      cell: ({ row: { original: c } }) =>
        c.revokedAt ? (
          <>
            <Badge>Revoked</Badge>
            <time dateTime={c.revokedAt.toISOString()} className="mt-1 block whitespace-nowrap text-xs">
              {formatDateTime(c.revokedAt)}
            </time>
          </>
        ) : (
          <Badge tone="success">Active</Badge>
        ),
    },
  ];
  if (!canWrite) return columns;
  return [
    ...columns,
    {
      id: "actions",
      header: "Actions",
      meta: { srOnlyHeader: true, className: "text-right" },
      cell: ({ row: { original: c } }) => (c.revokedAt ? null : <RevokeApiClientButton id={c.id} name={c.name} />),
    },
  ];
}
