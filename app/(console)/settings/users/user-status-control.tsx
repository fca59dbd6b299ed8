"use client";

import { useRunAction } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { setUserActiveAction } from "./actions";

/** Deactivate or reactivate one user, after confirmation. */
export function UserStatusControl({ userId, name, email, active }: { userId: number; name: string; email: string; active: boolean }) {
  const run = useRunAction();
  const verb = active ? "Deactivate" : "Reactivate";
  return (
    <ConfirmDialog
      title={`${verb} ${name}?`}
      tone={active ? "danger" : "primary"}
      body={
        active
          ? `${email} will be signed out at their next click and cannot sign in until an admin reactivates them. Their history stays.`
          : `${email} will be able to sign in again with their current password and role.`
      }
      confirmLabel={`${verb} user`}
      onConfirm={async () => {
        await run(() => setUserActiveAction({ userId, active: !active }), `${email} ${active ? "deactivated" : "reactivated"}`);
      }}
      trigger={(open) => (
        <Button variant="secondary" size="sm" onClick={open} aria-label={`${verb} ${email}`}>
          {verb}
        </Button>
      )}
    />
  );
}
