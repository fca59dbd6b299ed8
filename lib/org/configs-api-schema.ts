import { z } from "zod";
import { CONFIG_KEYS, resolveConfigKey, type ConfigKey } from "./config-registry";

// GET /v2/orgSettings/configs: `?keys=A,B` filters by key; the singular
// ENABLE_GROUP_PROGRAM_REDEMPTION reads as the plural (SPEC §0 [CONFLICT]) with a warning.
export const configsQuerySchema = z.object({
  keys: z
    .string()
    .max(4000)
    .optional()
    .meta({ description: "Comma-separated config keys; all configs when absent.", example: "CONF_USER_GROUP_ENABLED,CONF_USER_GROUP_SIZE" })
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === "") return { keys: CONFIG_KEYS, aliased: [] as string[] };
      const keys: ConfigKey[] = [];
      const aliased: string[] = [];
      for (const asked of raw.split(",").map((k) => k.trim()).filter(Boolean)) {
        const key = resolveConfigKey(asked);
        if (!key) {
          ctx.addIssue({ code: "custom", message: `unknown config ${asked}` });
          continue;
        }
        if (key !== asked) aliased.push(`${asked} is read as ${key}`);
        if (!keys.includes(key)) keys.push(key);
      }
      return { keys, aliased };
    }),
});

export const configsResponseSchema = z.object({
  data: z.array(
    z.object({
      key: z.enum(CONFIG_KEYS as unknown as [ConfigKey, ...ConfigKey[]]),
      value: z.unknown().meta({ description: "The effective value (boolean, integer, enum text or object, by key)." }),
      default: z.unknown(),
      isDefault: z.boolean(),
      description: z.string(),
    }),
  ),
  warnings: z.array(z.string()).meta({ description: "e.g. that an alias was read as its canonical key." }),
});
