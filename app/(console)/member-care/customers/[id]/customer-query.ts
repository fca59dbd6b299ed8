import { z } from "zod";
import { CUSTOMER_TRANSACTION_SORTS } from "@/lib/engine/customer-transactions-sorts";
import { tableQuery, type SearchParamsRecord } from "@/lib/pagination";

// The customer page's URL: the tab, the program the Loyalty tab shows, and each list's page and sort.
export const CUSTOMER_TABS = ["loyalty", "transactions", "groups", "audit"] as const;
export type CustomerTab = (typeof CUSTOMER_TABS)[number];

export function customerQuery(params: SearchParamsRecord) {
  const one = (name: string) => {
    const v = params[name];
    return Array.isArray(v) ? v[0] : v;
  };
  return {
    tab: z.enum(CUSTOMER_TABS).catch("loyalty").parse(one("tab") ?? "loyalty"),
    programId: z.coerce.number().int().positive().optional().catch(undefined).parse(one("program")),
    ledger: tableQuery(params, { sortable: ["at"], defaultSort: "at", defaultDir: "desc", key: "ledger" }),
    transactions: tableQuery(params, { sortable: CUSTOMER_TRANSACTION_SORTS, defaultSort: "billed", defaultDir: "desc", key: "txn" }),
    audit: tableQuery(params, { sortable: ["at"], defaultSort: "at", defaultDir: "desc", key: "audit" }),
  };
}
