import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { countOrgUnits, getMlpState, listOrgUnits, listUnitChoices } from "@/lib/programs/org-structure/queries";
import { kindOfTab, ORG_UNIT_LABELS, organisationQuerySchema } from "@/lib/programs/org-structure/schema";
import { CreateUnit } from "./create-unit";
import { MlpTypePanel } from "./mlp-type-panel";
import { UnitTable } from "./unit-table";
import { UnitTabs } from "./unit-tabs";

export const metadata: Metadata = { title: "Organisation" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function OrganisationPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("/settings/organisation", "settings:read");
  const query = organisationQuerySchema.parse(flatten(await searchParams));
  const kind = kindOfTab(query.tab);
  const canWrite = can(user.role, "settings:write");
  const [mlp, counts, units, choices] = await Promise.all([
    getMlpState({ orgId: user.orgId }),
    countOrgUnits({ orgId: user.orgId }),
    listOrgUnits({ orgId: user.orgId, kind, page: query.page }),
    canWrite ? listUnitChoices({ orgId: user.orgId }) : { zones: [], concepts: [], stores: [] },
  ]);
  const hrefFor = (page: number) => `/settings/organisation?tab=${query.tab}&page=${page}`;
  // A stale link past the last page (units were deactivated elsewhere, or the URL was typed).
  if (units.rows.length === 0 && units.total > 0) redirect(hrefFor(units.pageCount));

  const labels = ORG_UNIT_LABELS[kind];
  return (
    <>
      <PageHeader
        title="Organisation"
        description="Zones, concepts, card series, stores and tills: how events find their program. A till belongs to a store; a store to a zone and a concept."
      />
      <MlpTypePanel mlpType={mlp.mlpType} setAt={mlp.mlpTypeSetAt} canWrite={canWrite} />
      <UnitTabs current={kind} counts={counts} />
      <section aria-labelledby="units-heading" className="mt-4">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 id="units-heading" className="text-lg font-semibold capitalize">
            {labels.many}
          </h2>
        </div>
        {canWrite ? <CreateUnit key={kind} kind={kind} choices={choices} /> : null}
        <UnitTable kind={kind} units={units} url={{ path: "/settings/organisation", params: { tab: query.tab } }} canWrite={canWrite} choices={choices} />
      </section>
    </>
  );
}

function flatten(query: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}
