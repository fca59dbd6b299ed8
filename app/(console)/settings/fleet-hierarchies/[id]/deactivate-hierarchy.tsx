"use client";

import { useRunAction } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { deleteFleetHierarchyAction } from "../actions";

export function DeactivateHierarchy({ id, code }: { id: number; code: string }) {
  const run = useRunAction();
  return (
    <ConfirmDialog
      title={`Deactivate ${code}?`}
      body="It takes no more associations and the API no longer returns it. Associated customers and their groups stay as they are."
      confirmLabel="Deactivate hierarchy"
      onConfirm={() => run(() => deleteFleetHierarchyAction({ id }), `${code} deactivated`)}
      trigger={(open) => (
        <Button variant="secondary" size="sm" onClick={open}>
          Deactivate
        </Button>
      )}
    />
  );
}
