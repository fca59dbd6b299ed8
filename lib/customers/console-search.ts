import { z } from "zod";

// Client-safe: Member Care search's URL (?q=&in=groups&page=), read the same way by every results section.
export const SEARCH_KINDS = ["customers", "groups"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const memberCareSearchSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined).transform((q) => (q ? q : undefined)),
  in: z.enum(SEARCH_KINDS).catch("customers").default("customers"),
  page: z.coerce.number().int().min(1).catch(1).default(1),
});

export const MEMBER_CARE_PAGE_SIZE = 20;
