"use client";

import Link from "next/link";
import { useState } from "react";
import { useRunAction } from "@/components/forms/use-action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { removeGroupMemberAction } from "./actions";

export type MemberView = {
  userId: number;
  name: string;
  mobile: string | null;
  email: string | null;
  role: "PRIMARY" | "SECONDARY";
  fleetRole: string | null;
  permissions: string[];
  defaultGroup: boolean;
  status: "CURRENT" | "EXITED";
  joinedAt: string;
  exitedAt: string | null;
  pointsContributed: number;
};

/** The group's members: current ones, and the exited ones on request (history is kept). */
export function GroupMembersTable({ groupId, members, canWrite }: { groupId: number; members: MemberView[]; canWrite: boolean }) {
  const [showExited, setShowExited] = useState(false);
  const run = useRunAction();
  const shown = members.filter((m) => showExited || m.status === "CURRENT");
  const exited = members.length - members.filter((m) => m.status === "CURRENT").length;
  return (
    <>
      <label className="mb-2 flex items-center gap-2 text-sm">
        <input type="checkbox" checked={showExited} onChange={(e) => setShowExited(e.target.checked)} disabled={exited === 0} />
        Show exited members ({exited})
      </label>
      <Card className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Group members</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-3">Member</th>
              <th scope="col" className="px-4 py-3">Role</th>
              <th scope="col" className="px-4 py-3">Permissions</th>
              <th scope="col" className="px-4 py-3">Joined</th>
              <th scope="col" className="px-4 py-3">Exited</th>
              <th scope="col" className="px-4 py-3 text-right">Points contributed</th>
              {canWrite ? <th scope="col" className="px-4 py-3"><span className="sr-only">Actions</span></th> : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.length === 0 ? (
              <tr>
                <td colSpan={canWrite ? 7 : 6} className="px-4 py-6 text-center text-slate-500">No current members.</td>
              </tr>
            ) : null}
            {shown.map((m) => (
              <tr key={`${m.userId}-${m.joinedAt}`} className={m.status === "EXITED" ? "text-slate-500" : ""}>
                <td className="px-4 py-3">
                  <Link href={`/member-care/customers/${m.userId}`} className="font-medium text-brand-700 hover:underline">{m.name || `Customer ${m.userId}`}</Link>
                  <div className="text-xs text-slate-500">{[m.mobile, m.email].filter(Boolean).join(" · ") || `id ${m.userId}`}</div>
                </td>
                <td className="space-x-1 px-4 py-3">
                  <Badge tone={m.role === "PRIMARY" ? "info" : "neutral"}>{m.role === "PRIMARY" ? "Primary" : "Secondary"}</Badge>
                  {m.fleetRole ? <Badge>{m.fleetRole}</Badge> : null}
                  {m.defaultGroup && m.status === "CURRENT" ? <Badge tone="success">Default group</Badge> : null}
                  {m.status === "EXITED" ? <Badge>Exited</Badge> : null}
                </td>
                <td className="px-4 py-3 font-mono text-xs">{m.permissions.length > 0 ? m.permissions.join(", ") : <span className="font-sans text-slate-400">none</span>}</td>
                <td className="px-4 py-3 whitespace-nowrap">{m.joinedAt.slice(0, 10)}</td>
                <td className="px-4 py-3 whitespace-nowrap">{m.exitedAt ? m.exitedAt.slice(0, 10) : "—"}</td>
                <td className="px-4 py-3 text-right tabular-nums">{m.pointsContributed}</td>
                {canWrite ? (
                  <td className="px-4 py-3 text-right">
                    {m.status === "CURRENT" ? (
                      <ConfirmDialog
                        title={`Remove ${m.name || m.userId} from the group?`}
                        body={m.role === "PRIMARY" ? "This is the primary member: unless the org keeps groups active, the group becomes inactive. Their history stays." : "They are listed as exited; their points stay with them, the group's stay with the group."}
                        confirmLabel="Remove member"
                        onConfirm={() => run(() => removeGroupMemberAction({ groupId, customerId: m.userId }), `${m.name || m.userId} removed`)}
                        trigger={(open) => <Button size="sm" variant="secondary" onClick={open} aria-label={`Remove ${m.name || m.userId}`}>Remove</Button>}
                      />
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
