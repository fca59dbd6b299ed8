// Client-safe: how the customer's Transactions tab may be sorted (lib/engine/customer-transactions.ts).
export const CUSTOMER_TRANSACTION_SORTS = ["billed", "amount"] as const;
