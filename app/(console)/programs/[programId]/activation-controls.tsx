"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/auth/action";
import { setProgramActiveAction } from "../actions";

function useSetActive() {
  const router = useRouter();
  return async (programId: number, active: boolean) => {
    const result: ActionResult<void> = await setProgramActiveAction({ programId, active });
    if (result.ok) {
      toast.success(active ? "Program activated" : "Program deactivated");
      router.refresh();
    } else {
      toast.error(result.error.message);
    }
  };
}

/** The activation prompt's button (seed 003: an inactive program's page asks to activate it). */
export function ActivateButton({ programId }: { programId: number }) {
  const setActive = useSetActive();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await setActive(programId, true);
        } finally {
          setBusy(false);
        }
      }}
    >
      {busy ? "Activating…" : "Activate program"}
    </Button>
  );
}

/** Deactivation stops the program evaluating events, so it asks first. */
export function DeactivateButton({ programId, name }: { programId: number; name: string }) {
  const setActive = useSetActive();
  return (
    <ConfirmDialog
      title={`Deactivate ${name}?`}
      body="While inactive the program evaluates no events: members earn and redeem nothing in it. You can activate it again later."
      confirmLabel="Deactivate program"
      onConfirm={() => setActive(programId, false)}
      trigger={(open) => (
        <Button variant="secondary" onClick={open}>
          Deactivate program
        </Button>
      )}
    />
  );
}
