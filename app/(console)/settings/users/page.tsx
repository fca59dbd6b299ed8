import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { listConsoleUsers } from "@/lib/org/users";

export const metadata: Metadata = { title: "Users and roles" };

export default async function UsersPage() {
  const user = await requirePageUser("/settings/users", "users:manage");
  const users = await listConsoleUsers({ orgId: user.orgId });
  return (
    <>
      <PageHeader title="Users and roles" description="Console users of this org. Only admins see this page." />
      <Card className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-3">Name</th>
              <th scope="col" className="px-4 py-3">Email</th>
              <th scope="col" className="px-4 py-3">Role</th>
              <th scope="col" className="px-4 py-3">Status</th>
              <th scope="col" className="px-4 py-3">Last sign-in</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.map((u) => (
              <tr key={u.id}>
                <td className="px-4 py-3 font-medium">{u.name}</td>
                <td className="px-4 py-3">{u.email}</td>
                <td className="px-4 py-3">{ROLE_LABELS[u.role]}</td>
                <td className="px-4 py-3">
                  <Badge tone={u.active ? "success" : "neutral"}>{u.active ? "Active" : "Deactivated"}</Badge>
                </td>
                <td className="px-4 py-3 text-slate-600">{u.lastLoginAt ? u.lastLoginAt.toISOString().slice(0, 16).replace("T", " ") + " UTC" : "Never"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
