"use client";

import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/auth/action";
import { useRunAction } from "./use-action-form";

/**
 * Deactivate / Reactivate for one row, after a confirmation that says what will change.
 * `subject` names the row in the button's label and the toast; `title` in the dialog.
 */
export function ActiveToggle({
  active,
  title,
  subject,
  noun,
  effect,
  toggle,
}: {
  active: boolean;
  title: string;
  subject: string;
  noun: string;
  effect: { deactivate: string; reactivate: string };
  toggle: (next: boolean) => Promise<ActionResult<unknown>>;
}) {
  const run = useRunAction();
  const verb = active ? "Deactivate" : "Reactivate";
  return (
    <ConfirmDialog
      title={`${verb} ${title}?`}
      tone={active ? "danger" : "primary"}
      body={active ? effect.deactivate : effect.reactivate}
      confirmLabel={`${verb} ${noun}`}
      onConfirm={() => run(() => toggle(!active), `${subject} ${active ? "deactivated" : "reactivated"}`)}
      trigger={(open) => (
        <Button variant="secondary" size="sm" onClick={open} aria-label={`${verb} ${subject}`}>
          {verb}
        </Button>
      )}
    />
  );
}
