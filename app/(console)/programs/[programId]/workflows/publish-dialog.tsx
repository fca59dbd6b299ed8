"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import { publishNoteText } from "@/lib/workflows/publish-note";

/** Publish changes asks for a change note (SPEC §5.5 "prompts for a change note"). */
export function PublishDialog({ disabled, makerChecker, onPublish }: { disabled: boolean; makerChecker: boolean; onPublish: (note: string) => Promise<boolean> }) {
  const { setOpen, dialogProps } = useModalDialog();
  const titleId = useId();
  const noteId = useId();
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const label = makerChecker ? "Request approval" : "Publish changes";
  return (
    <>
      <Button onClick={() => setOpen(true)} disabled={disabled}>
        Publish changes
      </Button>
      <dialog {...dialogProps} aria-labelledby={titleId} className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <form
          className="p-6"
          onSubmit={async (e) => {
            e.preventDefault();
            const parsed = publishNoteText.safeParse(note);
            if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Enter a note.");
            setBusy(true);
            try {
              if (await onPublish(parsed.data)) {
                setOpen(false);
                setNote("");
              }
            } finally {
              setBusy(false);
            }
          }}
        >
          <h2 id={titleId} className="text-lg font-semibold">
            Publish changes
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            {makerChecker ? "Maker-checker is on: an admin must approve before the draft goes LIVE. The LIVE version keeps running meanwhile." : "The draft becomes the LIVE version: events are evaluated by it from now on. Contributors are notified."}
          </p>
          <label htmlFor={noteId} className="mt-4 block text-sm font-medium text-slate-700">
            Change note
          </label>
          <Textarea id={noteId} value={note} onChange={(e) => { setNote(e.target.value); setError(null); }} aria-invalid={Boolean(error)} aria-describedby={`${noteId}-e`} rows={3} />
          <p id={`${noteId}-e`} aria-live="polite" className="text-sm text-red-600">
            {error}
          </p>
          <div className="mt-4 flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" disabled={busy}>
              {busy ? "Publishing…" : label}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
