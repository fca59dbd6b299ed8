import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePageUser } from "@/lib/auth/session";
import { listQuerySchema } from "@/lib/pagination";
import { formatUtc } from "@/lib/org/audit-log-format";
import { listConsoleUsers } from "@/lib/org/users";
import { CreateUser } from "./create-user";
import { UserRoleControl } from "./user-role-control";
import { UserStatusControl } from "./user-status-control";

export const metadata: Metadata = { title: "Users and roles" };

const pageQuery = listQuerySchema(["name"], "name");

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/settings/users", "users:manage");
  const { page } = pageQuery.parse(await searchParams);
  const users = await listConsoleUsers({ orgId: user.orgId, page });
  return (
    <>
      <PageHeader title="Users and roles" description="Console users of this org and what their role lets them do. Only admins see this page." />
      <CreateUser />
      <Card className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-3">Name</th>
              <th scope="col" className="px-4 py-3">Email</th>
              <th scope="col" className="px-4 py-3">Role</th>
              <th scope="col" className="px-4 py-3">Status</th>
              <th scope="col" className="px-4 py-3">Last sign-in</th>
              <th scope="col" className="px-4 py-3"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.rows.map((u) => {
              const self = u.id === user.id;
              return (
                <tr key={u.id} data-testid={`user-row-${u.email}`}>
                  <td className="px-4 py-3 font-medium">
                    {u.name} {self ? <Badge tone="info">You</Badge> : null}
                  </td>
                  <td className="px-4 py-3">{u.email}</td>
                  <td className="px-4 py-3">
                    <UserRoleControl userId={u.id} email={u.email} role={u.role} self={self} />
                  </td>
                  <td className="px-4 py-3">
                    <Badge tone={u.active ? "success" : "neutral"}>{u.active ? "Active" : "Deactivated"}</Badge>
                  </td>
                  <td className="whitespace-nowrap px-4 py-3 text-slate-600">{u.lastLoginAt ? formatUtc(u.lastLoginAt) : "Never"}</td>
                  <td className="px-4 py-3 text-right">
                    {self ? null : <UserStatusControl userId={u.id} name={u.name} email={u.email} active={u.active} />}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <Pagination page={users.page} pageCount={users.pageCount} total={users.total} hrefFor={(p) => `/settings/users?page=${p}`} />
      </Card>
    </>
  );
}
