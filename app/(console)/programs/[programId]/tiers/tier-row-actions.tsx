"use client";

import { useRunAction } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import { deleteTierAction } from "./actions";
import { TierForm } from "./tier-form";
import type { TierRow } from "./tier-table";

/** Edit a tier (in a dialog) and remove the top one (the page renders this for editors only). */
export function TierRowActions({ programId, tier, removable }: { programId: number; tier: TierRow; removable: boolean }) {
  const run = useRunAction();
  const { open, setOpen, dialogProps } = useModalDialog();
  const titleId = `edit-tier-${tier.id}`;
  return (
    <div className="flex justify-end gap-2">
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)} aria-label={`Edit ${tier.name}`}>
        Edit
      </Button>
      <dialog {...dialogProps} aria-labelledby={titleId} className="m-auto w-full max-w-3xl rounded-lg p-0 text-left shadow-xl backdrop:bg-slate-900/40">
        {/* Mounted only while open, so each opening starts from the saved values. */}
        {open ? (
          <div className="p-6">
            <h2 id={titleId} className="mb-2 text-lg font-semibold">
              Edit tier {tier.number} ({tier.name})
            </h2>
            <TierForm programId={programId} tier={tier} onDone={() => setOpen(false)} />
          </div>
        ) : null}
      </dialog>
      {removable ? (
        <ConfirmDialog
          title={`Remove ${tier.name}?`}
          body={tier.members > 0 ? `${tier.members} member(s) hold ${tier.name}; move them first.` : `${tier.name} is removed from this program. Members can no longer reach it.`}
          confirmLabel="Remove tier"
          onConfirm={() => run(() => deleteTierAction({ programId, tierId: tier.id }), `${tier.name} removed`)}
          trigger={(openConfirm) => (
            <Button size="sm" variant="ghost" onClick={openConfirm} aria-label={`Remove ${tier.name}`}>
              Remove
            </Button>
          )}
        />
      ) : null}
    </div>
  );
}
