"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { setUserActiveAction } from "./actions";

/** Deactivate or reactivate one user, after confirmation. */
export function UserStatusControl({ userId, name, email, active }: { userId: number; name: string; email: string; active: boolean }) {
  const router = useRouter();
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
        const result = await setUserActiveAction({ userId, active: !active });
        if (!result.ok) {
          toast.error(result.error.message);
          return;
        }
        toast.success(`${email} ${active ? "deactivated" : "reactivated"}`);
        router.refresh();
      }}
      trigger={(open) => (
        <Button variant="secondary" size="sm" onClick={open} aria-label={`${verb} ${email}`}>
          {verb}
        </Button>
      )}
    />
  );
}
