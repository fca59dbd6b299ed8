"use client";

import { useRunAction } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { revokeApiClientAction } from "./actions";

export function RevokeApiClientButton({ id, name }: { id: number; name: string }) {
  const run = useRunAction();
  return (
    <ConfirmDialog
      title={`Revoke ${name}?`}
      body="Every call with this client's credentials will be refused from now on (401). This cannot be undone: to reconnect the system, create a new client."
      confirmLabel="Revoke client"
      onConfirm={async () => {
        await run(() => revokeApiClientAction({ id }), `${name} revoked`);
      }}
      trigger={(open) => (
        <Button variant="secondary" size="sm" onClick={open} aria-label={`Revoke ${name}`}>
          Revoke
        </Button>
      )}
    />
  );
}
