"use client";

import { useState } from "react";
import { useRunAction } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import { resetUserPasswordAction } from "./actions";
import { TemporaryPassword } from "./temporary-password";

/** Reset password for one user, after confirmation; the new temporary password is shown once. */
export function ResetPasswordControl({ userId, name, email }: { userId: number; name: string; email: string }) {
  const run = useRunAction();
  const [password, setPassword] = useState<string | null>(null);
  const { setOpen, dialogProps } = useModalDialog();
  return (
    <>
      <ConfirmDialog
        title={`Reset the password of ${name}?`}
        tone="danger"
        body={`${email} is signed out everywhere, and can sign in only with the temporary password you will see next, after which they choose their own.`}
        confirmLabel="Reset password"
        onConfirm={async () => {
          const data = await run(() => resetUserPasswordAction({ userId }), `Password of ${email} reset`);
          if (data) {
            setPassword(data.temporaryPassword);
            setOpen(true);
          }
        }}
        trigger={(open) => (
          <Button variant="secondary" size="sm" onClick={open} aria-label={`Reset password of ${email}`}>
            Reset password
          </Button>
        )}
      />
      <dialog {...dialogProps} aria-labelledby="temp-password-title" className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        {password ? (
          <TemporaryPassword
            email={email}
            password={password}
            onDone={() => {
              setPassword(null);
              setOpen(false);
            }}
          />
        ) : null}
      </dialog>
    </>
  );
}
