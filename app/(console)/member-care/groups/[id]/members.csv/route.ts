import { can } from "@/lib/auth/permissions";
import { currentUser } from "@/lib/auth/session";
import { toCsv } from "@/lib/csv";
import { listGroupMembersForExport } from "@/lib/groups/member-care";
import { routeId } from "../../../route-id";
import { membersQuery, STATUS_OF } from "../members-query";

/**
 * The members table as CSV: the rows its filter shows (every page of them), in its order. A
 * route handler, so it checks the session and the role itself (pages' guards do not cover it).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user) return new Response("Sign in to export members.", { status: 401 });
  if (!can(user.role, "member-care:read")) return new Response("Your role does not allow this.", { status: 403 });
  const groupId = routeId((await params).id);
  const query = membersQuery(Object.fromEntries(new URL(request.url).searchParams), "");
  const rows = groupId === null ? null : await listGroupMembersForExport({ orgId: user.orgId, groupId, status: STATUS_OF[query.status], sort: query.sort, dir: query.dir });
  if (!rows) return new Response("No such group.", { status: 404 });
  const csv = toCsv(
    ["customer_id", "first_name", "last_name", "mobile", "email", "role", "default_group", "permissions", "joined_at", "exited_at", "points_contributed"],
    rows.map((m) => [
      m.userId, m.firstName, m.lastName, m.mobile, m.email, m.role, m.defaultGroup ? "yes" : "no", m.permissions.join(" "),
      m.joinedAt.toISOString(), m.exitedAt?.toISOString() ?? null, m.pointsContributed,
    ]),
  );
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="group-${groupId}-members-${query.status}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
