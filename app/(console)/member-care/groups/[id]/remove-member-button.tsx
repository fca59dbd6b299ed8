"use client";

import { useRunAction } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { removeGroupMemberAction } from "./actions";

/** Removes a member behind a confirmation (member-care:write; the action checks the role again). */
export function RemoveMemberButton({ groupId, customerId, name, primary }: { groupId: number; customerId: number; name: string; primary: boolean }) {
  const run = useRunAction();
  return (
    <ConfirmDialog
      title={`Remove ${name} from the group?`}
      body={primary ? "This is the primary member: unless the org keeps groups active, the group becomes inactive. Their history stays." : "They are listed as exited; their points stay with them, the group's stay with the group."}
      confirmLabel="Remove member"
      onConfirm={() => run(() => removeGroupMemberAction({ groupId, customerId }), `${name} removed`)}
      trigger={(open) => <Button size="sm" variant="secondary" onClick={open} aria-label={`Remove ${name}`}>Remove</Button>}
    />
  );
}
