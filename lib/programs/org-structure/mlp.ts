import { z } from "zod";

// Client-safe: the MLP type choice and the words the console uses to explain it (SPEC §0
// "MLP enablement", seed 003).

export const MLP_TYPES = ["ZONE", "CONCEPT", "CARD_SERIES"] as const;
export type MlpTypeValue = (typeof MLP_TYPES)[number];

export const MLP_TYPE_INFO: Record<MlpTypeValue, { label: string; explanation: string }> = {
  ZONE: {
    label: "Zone",
    explanation: "Programs are mapped to zones (regions or countries). A till's zone decides which program, besides the default, runs its events.",
  },
  CONCEPT: {
    label: "Concept",
    explanation: "Programs are mapped to concepts (brands or business units). A till's concept decides which program, besides the default, runs its events.",
  },
  CARD_SERIES: {
    label: "Card series",
    explanation: "Programs are mapped to card series. The card used in an event decides which program, besides the default, runs it.",
  },
};

/** Why the choice is final: the vendor enables MLP once per org, and program mappings depend on it. */
export const MLP_TYPE_IS_FINAL =
  "The multi-loyalty-program type is chosen once and cannot be changed: every program's mappings to zones, concepts or card series depend on it. Until it is chosen, the org runs only its default program.";

export const setMlpTypeSchema = z.object({ mlpType: z.enum(MLP_TYPES, { error: "Choose zone, concept or card series." }) });
