"use client";

import { useId } from "react";
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import type { WorkflowAction } from "@/lib/workflows/schema";
import { ActionForm } from "./action-form";

/** Opens the action form in a native dialog (focus trapped, Escape cancels). */
export function ActionDialog({ trigger, title, initial, onSave }: { trigger: (open: () => void) => React.ReactNode; title: string; initial: WorkflowAction; onSave: (a: WorkflowAction) => void }) {
  const { open, setOpen, dialogProps } = useModalDialog();
  const titleId = useId();
  return (
    <>
      {trigger(() => setOpen(true))}
      <dialog {...dialogProps} aria-labelledby={titleId} className="m-auto w-full max-w-lg rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <div className="p-5">
          <h2 id={titleId} className="mb-3 text-lg font-semibold">
            {title}
          </h2>
          {open ? (
            <ActionForm
              initial={initial}
              onCancel={() => setOpen(false)}
              onSave={(a) => {
                onSave(a);
                setOpen(false);
              }}
            />
          ) : null}
        </div>
      </dialog>
    </>
  );
}
