import type { ProgramSummary } from "@/lib/programs/queries";

/** A program as the API shows it: numeric id and ratio, ISO dates, entities as {type, id, code, name}. */
export function programJson(p: ProgramSummary) {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    isDefault: p.isDefault,
    active: p.active,
    pointsToCurrencyRatio: Number(p.pointsToCurrencyRatio),
    tiersCount: p.tiersCount,
    createdAt: p.createdAt.toISOString(),
    entities: p.entities.map(({ type, id, code, name }) => ({ type, id, code, name })),
  };
}
