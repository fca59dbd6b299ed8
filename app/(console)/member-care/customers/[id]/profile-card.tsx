import { Card } from "@/components/ui/card";
import type { CustomerView } from "@/lib/customers/customer-view";
import { formatDateTime } from "@/lib/format/date";

/** Registration, extended fields and custom fields: what the org records about the customer. */
export function ProfileCard({ customer }: { customer: Pick<CustomerView, "registeredVia" | "registeredTill" | "createdAt" | "extendedFields" | "profileFields"> }) {
  const rows: [string, string][] = [
    ["Registered via", customer.registeredVia],
    ["Registering till", customer.registeredTill ? `${customer.registeredTill.code} · ${customer.registeredTill.name}` : "None"],
    ["Created", formatDateTime(customer.createdAt)],
    ...Object.entries(customer.extendedFields).map(([k, v]): [string, string] => [k, String(v)]),
    ...Object.entries(customer.profileFields).map(([k, v]): [string, string] => [k, String(v)]),
  ];
  return (
    <Card className="p-4">
      <h2 className="text-base font-semibold text-slate-900">Profile</h2>
      <dl className="mt-2 divide-y divide-slate-100 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="flex justify-between gap-3 py-1.5">
            <dt className="text-slate-500">{label}</dt>
            <dd className="text-right text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

