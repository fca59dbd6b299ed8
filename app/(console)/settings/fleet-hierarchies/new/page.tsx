import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { EMPTY_HIERARCHY, HierarchyForm } from "../hierarchy-form";

export const metadata: Metadata = { title: "New fleet hierarchy" };

export default async function NewFleetHierarchyPage() {
  await requirePageUser("/settings/fleet-hierarchies/new", "settings:write");
  return (
    <>
      <PageHeader title="New fleet hierarchy" description="Define the roles top first; the chain is checked as the API checks it." />
      <HierarchyForm defaultValues={EMPTY_HIERARCHY} canWrite />
    </>
  );
}
