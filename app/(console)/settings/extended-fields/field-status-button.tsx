"use client";

import { useRunAction } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { setExtendedFieldActiveAction } from "./actions";

export function FieldStatusButton({ id, name, active }: { id: number; name: string; active: boolean }) {
  const run = useRunAction();
  const verb = active ? "Deactivate" : "Reactivate";
  return (
    <ConfirmDialog
      title={`${verb} ${name}?`}
      tone={active ? "danger" : "primary"}
      body={
        active
          ? "Conditions that use this field will report it as an unknown attribute until you reactivate it. Its name, type and values are kept."
          : "Conditions can use this field again."
      }
      confirmLabel={`${verb} field`}
      onConfirm={async () => {
        await run(() => setExtendedFieldActiveAction({ id, active: !active }), `${name} ${active ? "deactivated" : "reactivated"}`);
      }}
      trigger={(open) => (
        <Button variant="secondary" size="sm" onClick={open} aria-label={`${verb} ${name}`}>
          {verb}
        </Button>
      )}
    />
  );
}
