import { withApiClient } from "@/lib/api/with-api-client";
import { listPrograms } from "@/lib/programs/queries";

/** GET /v2/programs: the caller's org's programs, the default program first. */
export const GET = withApiClient({ scope: "programs:read" }, async ({ orgId }) => {
  const programs = await listPrograms({ orgId });
  return {
    data: programs.map((p) => ({
      id: p.id,
      name: p.name,
      description: p.description,
      isDefault: p.isDefault,
      active: p.active,
      pointsToCurrencyRatio: Number(p.pointsToCurrencyRatio),
      tiersCount: p.tiersCount,
      createdAt: p.createdAt.toISOString(),
    })),
    warnings: [],
  };
});
