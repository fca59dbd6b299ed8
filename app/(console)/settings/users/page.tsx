import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { listQuerySchema } from "@/lib/pagination";
import { formatUtc } from "@/lib/org/audit-log-format";
import { listConsoleUsers, type ConsoleUserRow } from "@/lib/org/users";
import { CreateUser } from "./create-user";
import { UserRoleControl } from "./user-role-control";
import { UserStatusControl } from "./user-status-control";

export const metadata: Metadata = { title: "Users and roles" };

const pageQuery = listQuerySchema(["name"], "name");

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/settings/users", "users:manage");
  const params = await searchParams;
  const { page } = pageQuery.parse(params);
  const users = await listConsoleUsers({ orgId: user.orgId, page });
  return (
    <>
      <PageHeader title="Users and roles" description="Console users of this org and what their role lets them do. Only admins see this page." />
      <CreateUser />
      <DataTable
        caption="Console users"
        columns={columnsFor(user.id)}
        rows={users.rows}
        rowKey={(u) => u.id}
        rowProps={(u) => ({ "data-testid": `user-row-${u.email}` })}
        url={{ path: "/settings/users", params }}
        paging={users}
      />
    </>
  );
}

function columnsFor(selfId: number): DataTableColumn<ConsoleUserRow>[] {
  return [
    {
      id: "name",
      header: "Name",
      meta: { className: "font-medium" },
      cell: ({ row: { original: u } }) => (
        <>
          {u.name} {u.id === selfId ? <Badge tone="info">You</Badge> : null}
        </>
      ),
    },
    { id: "email", header: "Email", cell: ({ row }) => row.original.email },
    {
      id: "role",
      header: "Role",
      cell: ({ row: { original: u } }) => <UserRoleControl userId={u.id} email={u.email} role={u.role} self={u.id === selfId} />,
    },
    {
      id: "status",
      header: "Status",
      cell: ({ row: { original: u } }) => <Badge tone={u.active ? "success" : "neutral"}>{u.active ? "Active" : "Deactivated"}</Badge>,
    },
    {
      id: "lastLogin",
      header: "Last sign-in",
      meta: { className: "whitespace-nowrap text-slate-600" },
      cell: ({ row: { original: u } }) => (u.lastLoginAt ? formatUtc(u.lastLoginAt) : "Never"),
    },
    {
      id: "actions",
      header: "Actions",
      meta: { srOnlyHeader: true, className: "text-right" },
      cell: ({ row: { original: u } }) => (u.id === selfId ? null : <UserStatusControl userId={u.id} name={u.name} email={u.email} active={u.active} />),
    },
  ];
}
