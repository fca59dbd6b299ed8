"use client";

import { useRunAction } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import type { OrgUnitRow } from "@/lib/programs/org-structure/queries";
import { capitalise, deactivationEffect, reactivationEffect } from "@/lib/programs/org-structure/rules";
import { ORG_UNIT_LABELS } from "@/lib/programs/org-structure/schema";
import { setOrgUnitActiveAction, updateOrgUnitAction } from "./actions";
import { UnitForm, type Choices } from "./unit-form";
import { toActionInput } from "./unit-input";

/** Edit, deactivate and reactivate one unit (admins only: the page renders this for them alone). */
export function UnitRowActions({ row, choices }: { row: OrgUnitRow; choices: Choices }) {
  const run = useRunAction();
  const label = `${capitalise(ORG_UNIT_LABELS[row.kind].one)} ${row.code}`;

  const setActive = async (active: boolean) => {
    await run(() => setOrgUnitActiveAction({ kind: row.kind, id: row.id, active }), `${label} ${active ? "reactivated" : "deactivated"}`);
  };

  return (
    <div className="flex justify-end gap-2">
      <EditUnitDialog row={row} choices={choices} label={label} />
      {row.active ? (
        <ConfirmDialog
          title={`Deactivate ${label}?`}
          body={deactivationEffect(row.kind, row.code, row.activeChildren)}
          confirmLabel="Deactivate"
          onConfirm={() => setActive(false)}
          trigger={(open) => (
            <Button variant="secondary" size="sm" onClick={open} aria-label={`Deactivate ${row.code}`}>
              Deactivate
            </Button>
          )}
        />
      ) : (
        <ConfirmDialog
          title={`Reactivate ${label}?`}
          body={reactivationEffect(row.kind, row.code)}
          confirmLabel="Reactivate"
          tone="primary"
          onConfirm={() => setActive(true)}
          trigger={(open) => (
            <Button variant="secondary" size="sm" onClick={open} aria-label={`Reactivate ${row.code}`}>
              Reactivate
            </Button>
          )}
        />
      )}
    </div>
  );
}

function EditUnitDialog({ row, choices, label }: { row: OrgUnitRow; choices: Choices; label: string }) {
  const { open, setOpen, dialogProps } = useModalDialog();

  const defaults = {
    code: row.code,
    name: row.name,
    prefix: row.prefix ?? "",
    zoneId: row.zone ? String(row.zone.id) : "",
    conceptId: row.concept ? String(row.concept.id) : "",
    storeId: row.store ? String(row.store.id) : "",
  };
  const titleId = `edit-unit-${row.kind}-${row.id}`;

  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} aria-label={`Edit ${row.code}`}>
        Edit
      </Button>
      <dialog
        {...dialogProps}
        aria-labelledby={titleId}
        className="m-auto w-full max-w-2xl rounded-lg p-0 text-left shadow-xl backdrop:bg-slate-900/40"
      >
        {/* Mounted only while open, so each opening starts from the saved values. */}
        {open ? (
          <div className="p-6">
            <h2 id={titleId} className="mb-4 text-lg font-semibold">
              Edit {label}
            </h2>
            <UnitForm
              kind={row.kind}
              choices={choices}
              defaultValues={defaults}
              submitLabel="Save changes"
              pendingLabel="Saving…"
              success={`${label} saved`}
              run={(values) => updateOrgUnitAction({ ...toActionInput(row.kind, values), id: row.id })}
              onDone={() => setOpen(false)}
              onCancel={() => setOpen(false)}
            />
          </div>
        ) : null}
      </dialog>
    </>
  );
}
