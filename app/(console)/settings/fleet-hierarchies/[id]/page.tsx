import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { storedRole } from "@/lib/groups/fleet-hierarchies";
import { HierarchyForm } from "../hierarchy-form";
import { DeactivateHierarchy } from "./deactivate-hierarchy";
import { loadHierarchy } from "./load-hierarchy";
import { ReadOnlyNotice } from "@/components/ui/read-only-notice";

export const metadata: Metadata = { title: "Fleet hierarchy" };

export default async function FleetHierarchyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const user = await requirePageUser(`/settings/fleet-hierarchies/${raw}`, "settings:read");
  const hierarchy = await loadHierarchy(user.orgId, raw);
  if (!hierarchy) notFound();
  const canWrite = can(user.role, "settings:write");
  const associated = hierarchy._count.associations;
  return (
    <>
      <PageHeader
        title={`Fleet hierarchy ${hierarchy.code}`}
        description={`${associated} customer${associated === 1 ? "" : "s"} associated, ${hierarchy._count.companies} compan${hierarchy._count.companies === 1 ? "y" : "ies"}. Created by ${hierarchy.createdBy || "—"}.`}
        actions={
          <>
            {hierarchy.active ? <Badge tone="success">Active</Badge> : <Badge>Inactive</Badge>}
            {canWrite && hierarchy.active ? <DeactivateHierarchy id={hierarchy.id} code={hierarchy.code} /> : null}
          </>
        }
      />
      {canWrite ? null : <ReadOnlyNotice what="this hierarchy" />}
      {associated > 0 ? (
        <p className="mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          Customers are associated: the role chain (codes, order, aggregation role) is fixed. Names, child caps and permissions may still change.
        </p>
      ) : null}
      <HierarchyForm
        id={hierarchy.id}
        canWrite={canWrite}
        defaultValues={{
          code: hierarchy.code,
          name: hierarchy.name,
          description: hierarchy.description,
          isAutoGroupCreationEnabled: hierarchy.autoGroupCreationEnabled,
          isHierarchyCreationStrict: hierarchy.hierarchyCreationStrict,
          isSkipRoleAllowed: hierarchy.skipRoleAllowed,
          isDefault: hierarchy.isDefault,
          isActive: hierarchy.active,
          roles: hierarchy.roles.map(storedRole),
        }}
      />
    </>
  );
}
