import "server-only";
import { cache } from "react";
import { getCustomerView } from "@/lib/customers/customer-view";
import { routeId } from "../../route-id";

// The layout (which decides 404 before anything streams) and the page both need the customer;
// cache() reads them once per request.
export const loadCustomer = cache(async (orgId: number, raw: string) => {
  const id = routeId(raw);
  return id === null ? null : getCustomerView({ orgId, customerId: id });
});
