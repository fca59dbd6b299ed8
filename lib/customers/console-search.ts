import { z } from "zod";

// Client-safe: Member Care search's URL (?q=&page=), read the same way by every results section.
export const memberCareSearchSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined).transform((q) => (q ? q : undefined)),
  page: z.coerce.number().int().min(1).catch(1).default(1),
});

export const MEMBER_CARE_PAGE_SIZE = 20;
