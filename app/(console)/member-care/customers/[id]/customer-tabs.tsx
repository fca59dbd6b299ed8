import Link from "next/link";
import { cn } from "@/lib/utils";
import { CUSTOMER_TABS, type CustomerTab } from "./customer-query";

const LABELS: Record<CustomerTab, string> = { loyalty: "Loyalty", transactions: "Transactions", groups: "Groups", audit: "Audit" };

/** Tabs as links (?tab=…): each is a URL, the back button walks them, and they work without script. */
export function CustomerTabs({ customerId, current, show }: { customerId: number; current: CustomerTab; show: CustomerTab[] }) {
  return (
    <nav aria-label="Customer sections" className="mb-4 flex gap-1 border-b border-slate-200">
      {CUSTOMER_TABS.filter((t) => show.includes(t)).map((t) => (
        <Link
          key={t}
          href={t === "loyalty" ? `/member-care/customers/${customerId}` : `/member-care/customers/${customerId}?tab=${t}`}
          aria-current={t === current ? "page" : undefined}
          className={cn("-mb-px border-b-2 px-3 py-2 text-sm font-medium", t === current ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900")}
        >
          {LABELS[t]}
        </Link>
      ))}
    </nav>
  );
}
