import { z } from "zod";
import { idParam } from "@/lib/api/params";

// The shapes of /v2/programs: the path the handler parses, and the answers it gives (for the
// OpenAPI document; the handler builds them in app/api/v2/programs/program-json.ts).

export const programPathSchema = z.object({
  id: idParam("program").meta({ description: "The program's numeric id.", example: "1" }),
});

const entitySchema = z.object({
  type: z.enum(["ZONE", "CONCEPT", "CARD_SERIES"]),
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
});

export const programSummarySchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    description: z.string(),
    isDefault: z.boolean(),
    active: z.boolean(),
    pointsToCurrencyRatio: z.number(),
    tiersCount: z.number().int(),
    createdAt: z.string().meta({ format: "date-time" }),
    entities: z.array(entitySchema).meta({ description: "The zones, concepts or card series mapped to the program (by the org's MLP type)." }),
  })
  .meta({ id: "ProgramSummary" });

export const programDetailSchema = programSummarySchema
  .extend({
    tiers: z.array(z.object({ number: z.number().int(), name: z.string(), threshold: z.number() })),
    contributorsCount: z.number().int(),
  })
  .meta({ id: "ProgramDetail" });
