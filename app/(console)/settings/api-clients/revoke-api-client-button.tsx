"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { revokeApiClientAction } from "./actions";

export function RevokeApiClientButton({ id, name }: { id: number; name: string }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      title={`Revoke ${name}?`}
      body="Every call with this client's credentials will be refused from now on (401). This cannot be undone: to reconnect the system, create a new client."
      confirmLabel="Revoke client"
      onConfirm={async () => {
        const result = await revokeApiClientAction({ id });
        if (!result.ok) {
          toast.error(result.error.message);
          return;
        }
        toast.success(`${name} revoked`);
        router.refresh();
      }}
      trigger={(open) => (
        <Button variant="secondary" size="sm" onClick={open} aria-label={`Revoke ${name}`}>
          Revoke
        </Button>
      )}
    />
  );
}
