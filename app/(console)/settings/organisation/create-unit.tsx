"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { capitalise } from "@/lib/programs/org-structure/rules";
import { ORG_UNIT_LABELS, type OrgUnitKind } from "@/lib/programs/org-structure/schema";
import { createOrgUnitAction } from "./actions";
import { EMPTY_UNIT, UnitForm, type Choices } from "./unit-form";
import { toActionInput } from "./unit-input";

/** "Add zone" (or store, till…): opens the form above the list; admins only (the page decides). */
export function CreateUnit({ kind, choices }: { kind: OrgUnitKind; choices: Choices }) {
  const [open, setOpen] = useState(false);
  const { one } = ORG_UNIT_LABELS[kind];
  if (!open) {
    return (
      <div className="mb-4 flex justify-end">
        <Button onClick={() => setOpen(true)}>Add {one}</Button>
      </div>
    );
  }
  return (
    <Card className="mb-6 p-5">
      <h3 className="mb-4 text-base font-semibold">New {one}</h3>
      <UnitForm
        kind={kind}
        choices={choices}
        defaultValues={EMPTY_UNIT}
        submitLabel={`Create ${one}`}
        pendingLabel="Creating…"
        success={`${capitalise(one)} created`}
        run={(values) => createOrgUnitAction(toActionInput(kind, values))}
        onDone={() => setOpen(false)}
        onCancel={() => setOpen(false)}
      />
    </Card>
  );
}
