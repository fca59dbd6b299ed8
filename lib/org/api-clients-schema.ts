import { z } from "zod";
import { SCOPE_NAMES } from "@/lib/auth/scopes";

// Client-safe: the create form and the server action share these (no Prisma, no server-only).

export const createApiClientSchema = z.object({
  name: z.string().trim().min(1, "Enter a name, e.g. the system and store that will use it.").max(100, "Keep the name to 100 characters or fewer."),
  // "" from the select means "not bound to a till". null too: the form sends the action the values
  // this schema already parsed, and the action parses them again.
  tillId: z
    .union([z.literal(""), z.null(), z.coerce.number({ message: "Choose a till, or “Not bound to a till”." }).int().positive("Choose a till, or “Not bound to a till”.")])
    .transform((v) => (v === "" ? null : v)),
  scopes: z
    .array(z.enum(SCOPE_NAMES, { message: "Unknown scope." }))
    .min(1, "Choose at least one scope: a client without scopes can call nothing.")
    .transform((list) => [...new Set(list)]),
});
export type CreateApiClientInput = z.input<typeof createApiClientSchema>;

export const apiClientIdSchema = z.object({ id: z.coerce.number().int().positive() });

/** Settings → API clients: the "transfers without OTP" mark (lib/org/api-client-trust.ts). */
export const apiClientTrustSchema = z.object({ id: z.coerce.number().int().positive(), trusted: z.boolean() });

/** The most a client may be allowed per minute; beyond it, "no limit" (0) says what is meant. */
export const MAX_RATE_LIMIT_PER_MINUTE = 1_000_000;

/** Settings → API clients: requests per minute (lib/org/api-client-rate-limit.ts); 0 is no limit. */
export const apiClientRateLimitSchema = z.object({
  id: z.coerce.number().int().positive(),
  rateLimitPerMinute: z.coerce
    .number({ message: "Enter a whole number of requests per minute (0 for no limit)." })
    .int("Enter a whole number of requests per minute (0 for no limit).")
    .min(0, "Enter 0 for no limit, or a positive number of requests per minute.")
    .max(MAX_RATE_LIMIT_PER_MINUTE, `Keep the limit at ${MAX_RATE_LIMIT_PER_MINUTE.toLocaleString("en")} per minute or lower, or enter 0 for no limit.`),
});
export type ApiClientRateLimitInput = z.input<typeof apiClientRateLimitSchema>;
