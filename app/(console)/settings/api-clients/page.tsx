import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { listQuerySchema } from "@/lib/pagination";
import { listActiveTills, listApiClients } from "@/lib/org/api-clients";
import { API_SCOPES } from "@/lib/auth/scopes";
import { formatUtc } from "@/lib/org/audit-log-format";
import { CreateApiClient } from "./create-api-client";
import { RevokeApiClientButton } from "./revoke-api-client-button";
import { TrustCheckbox } from "./trust-checkbox";

export const metadata: Metadata = { title: "API clients" };

const SCOPE_LABELS = new Map<string, string>(API_SCOPES.map((s) => [s.scope, s.label]));

const pageQuery = listQuerySchema(["createdAt"], "createdAt");

export default async function ApiClientsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/settings/api-clients", "settings:read");
  const canWrite = can(user.role, "settings:write");
  const { page } = pageQuery.parse(await searchParams);
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
      {canWrite ? <CreateApiClient tills={tills} /> : null}
      {clients.total === 0 ? (
        <EmptyState title="No API clients yet">
          {canWrite ? "Create one for each system that calls the API, so you can revoke one without touching the others." : "An admin creates API clients for the systems that call the API."}
        </EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">Name</th>
                <th scope="col" className="px-4 py-3">Client id</th>
                <th scope="col" className="px-4 py-3">Till</th>
                <th scope="col" className="px-4 py-3">Scopes</th>
                <th scope="col" className="px-4 py-3">Created</th>
                <th scope="col" className="px-4 py-3">Last used</th>
                <th scope="col" className="px-4 py-3" title="Customer-to-customer transfers without the sender's OTP, while the org's POINTS_TRANSFER_OTP_WAIVED_FOR_TRUSTED_CLIENTS config is on">No OTP for transfers</th>
                <th scope="col" className="px-4 py-3">Status</th>
                {canWrite ? <th scope="col" className="px-4 py-3"><span className="sr-only">Actions</span></th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {clients.rows.map((c) => (
                <tr key={c.id} className={c.revokedAt ? "text-slate-500" : undefined}>
                  <td className="px-4 py-3 font-medium">{c.name}</td>
                  <td className="px-4 py-3 font-mono text-xs">{c.clientId}</td>
                  <td className="px-4 py-3">{c.till ? `${c.till.code} · ${c.till.name}` : "Not bound · default program only"}</td>
                  <td className="px-4 py-3">
                    <ul className="flex flex-wrap gap-1">
                      {c.scopes.map((s) => (
                        <li key={s}>
                          <Badge title={SCOPE_LABELS.get(s)}>{s}</Badge>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="whitespace-nowrap px-4 py-3">{formatUtc(c.createdAt)}</td>
                  <td className="whitespace-nowrap px-4 py-3">{c.lastUsedAt ? formatUtc(c.lastUsedAt) : "Never"}</td>
                  <td className="px-4 py-3">
                    {canWrite ? <TrustCheckbox id={c.id} name={c.name} trusted={c.trustedForTransfers} disabled={c.revokedAt !== null} /> : c.trustedForTransfers ? "Yes" : "No"}
                  </td>
                  <td className="whitespace-nowrap px-4 py-3">
                    {c.revokedAt ? <Badge>Revoked {formatUtc(c.revokedAt)}</Badge> : <Badge tone="success">Active</Badge>}
                  </td>
                  {canWrite ? (
                    <td className="px-4 py-3 text-right">{c.revokedAt ? null : <RevokeApiClientButton id={c.id} name={c.name} />}</td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination page={clients.page} pageCount={clients.pageCount} total={clients.total} hrefFor={(p) => `/settings/api-clients?page=${p}`} />
        </Card>
      )}
    </>
  );
}
