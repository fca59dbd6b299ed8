import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { listExtendedFieldDefs } from "@/lib/customers/extended-fields";
import { FIELD_SCOPES, SCOPE_LABELS } from "@/lib/customers/extended-fields-schema";
import { CreateExtendedField } from "./create-extended-field";
import { ExtendedFieldRow } from "./extended-field-row";
import { ReadOnlyNotice } from "@/components/ui/read-only-notice";

export const metadata: Metadata = { title: "Extended fields" };

export default async function ExtendedFieldsPage() {
  const user = await requirePageUser("/settings/extended-fields", "settings:read");
  const canWrite = can(user.role, "settings:write");
  const defs = await listExtendedFieldDefs({ orgId: user.orgId });
  return (
    <>
      <PageHeader
        title="Extended fields"
        description="Typed fields that transactions, customers and user groups carry beyond the standard ones. Workflow conditions are checked against them."
      />
      {canWrite ? null : <ReadOnlyNotice what="the extended fields" />}
      <Card className="mb-6 p-5 text-sm text-slate-700">
        <h2 className="text-base font-semibold text-slate-900">Using a field in a condition</h2>
        <p className="mt-1">
          A condition reads a field as <code>currentTxn.extField_&lt;name&gt;</code> (transaction), <code>currentCustomer.extField_&lt;name&gt;</code>{" "}
          (customer) or <code>currentUserGroup.extField_&lt;name&gt;</code> (user group), e.g.{" "}
          <code className="rounded bg-slate-100 px-1">currentTxn.extField_member_card_swiped == &quot;Yes&quot;</code>. A list field only takes its
          allowed values: the condition editor warns about any other.
        </p>
        <p className="mt-1">Name, scope and type are fixed once a field exists, because conditions and API callers refer to them. Deactivate a field you no longer use.</p>
      </Card>
      {canWrite ? <CreateExtendedField /> : null}
      <div className="space-y-6">
        {FIELD_SCOPES.map((scope) => {
          const rows = defs.filter((d) => d.scope === scope);
          return (
            <section key={scope} aria-labelledby={`scope-${scope}`}>
              <h2 id={`scope-${scope}`} className="mb-2 text-lg font-semibold">
                {SCOPE_LABELS[scope]} fields
              </h2>
              {rows.length === 0 ? (
                <EmptyState title={`No ${SCOPE_LABELS[scope].toLowerCase()} fields yet`}>
                  {canWrite ? "Add one above to pass extra data with each event and use it in conditions." : "An admin declares extended fields."}
                </EmptyState>
              ) : (
                <Card className="overflow-x-auto">
                  <table className="w-full text-left text-sm">
                    <caption className="sr-only">{SCOPE_LABELS[scope]} extended fields</caption>
                    <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
                      <tr>
                        <th scope="col" className="px-4 py-3">Name</th>
                        <th scope="col" className="px-4 py-3">Type</th>
                        <th scope="col" className="px-4 py-3">Description and values</th>
                        <th scope="col" className="px-4 py-3">In a condition</th>
                        <th scope="col" className="px-4 py-3">Status</th>
                        {canWrite ? <th scope="col" className="px-4 py-3 text-right">Actions</th> : null}
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100">
                      {rows.map((d) => (
                        <ExtendedFieldRow key={d.id} canWrite={canWrite} field={d} />
                      ))}
                    </tbody>
                  </table>
                </Card>
              )}
            </section>
          );
        })}
      </div>
    </>
  );
}
