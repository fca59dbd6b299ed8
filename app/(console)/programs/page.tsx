import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { listPrograms } from "@/lib/programs/queries";

export const metadata: Metadata = { title: "Programs" };

export default async function ProgramsPage() {
  const user = await requirePageUser("/programs", "programs:read");
  const programs = await listPrograms({ orgId: user.orgId });
  return (
    <>
      <PageHeader title="Programs" description="The default program runs for every event; brand programs run for the entities mapped to them." />
      {programs.length === 0 ? (
        <EmptyState title="No programs yet">Every org has a default program; once it exists it is listed here.</EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Programs of {user.orgName}</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">Name</th>
                <th scope="col" className="px-4 py-3">Status</th>
                <th scope="col" className="px-4 py-3 text-right">Tiers</th>
                <th scope="col" className="px-4 py-3">Description</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {programs.map((program) => (
                <tr key={program.id}>
                  <td className="px-4 py-3 font-medium">
                    <span title={`Program identifier: ${program.id}`}>
                      {program.isDefault ? (
                        <span aria-label="Default program" className="mr-1 text-amber-500">
                          ★
                        </span>
                      ) : null}
                      {program.name}
                    </span>
                  </td>
                  <td className="px-4 py-3">
                    <Badge tone={program.active ? "success" : "neutral"}>{program.active ? "Active" : "Inactive"}</Badge>
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">{program.tiersCount}</td>
                  <td className="px-4 py-3 text-slate-600">{program.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </>
  );
}
