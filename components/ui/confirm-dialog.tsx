"use client";

import { useId, useState } from "react";
import { Button } from "./button";
import { useModalDialog } from "./use-modal-dialog";

/**
 * Asks before a destructive or hard-to-undo action. A native <dialog>: focus is trapped, Escape
 * cancels, and focus returns to the trigger when it closes.
 */
export function ConfirmDialog({
  trigger,
  title,
  body,
  confirmLabel,
  tone = "danger",
  onConfirm,
}: {
  trigger: (open: () => void) => React.ReactNode;
  title: string;
  body: React.ReactNode;
  confirmLabel: string;
  tone?: "danger" | "primary";
  onConfirm: () => Promise<unknown> | void;
}) {
  const { setOpen, dialogProps } = useModalDialog();
  // One dialog per table row is common: each needs its own title id for its accessible name.
  const titleId = useId();
  const [busy, setBusy] = useState(false);

  return (
    <>
      {trigger(() => setOpen(true))}
      <dialog
        {...dialogProps}
        aria-labelledby={titleId}
        className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="p-6">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          <div className="mt-2 text-sm text-slate-600">{body}</div>
          <div className="mt-6 flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={busy} autoFocus>
              Cancel
            </Button>
            <Button
              variant={tone}
              disabled={busy}
              onClick={async () => {
                setBusy(true);
                try {
                  await onConfirm();
                  setOpen(false);
                } finally {
                  setBusy(false);
                }
              }}
            >
              {busy ? "Working…" : confirmLabel}
            </Button>
          </div>
        </div>
      </dialog>
    </>
  );
}
