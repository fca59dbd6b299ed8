"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { conditionReference, TYPE_LABELS, type FieldScopeName, type FieldTypeName } from "@/lib/customers/extended-fields-schema";
import { EditExtendedField } from "./edit-extended-field";
import { FieldStatusButton } from "./field-status-button";

export type ExtendedFieldRowData = { id: number; name: string; scope: FieldScopeName; type: FieldTypeName; description: string; allowedValues: string[]; active: boolean };

/**
 * One extended field. Edit and Deactivate sit together in the actions column, as in every other
 * settings list; Edit opens the form in place of the description it changes.
 */
export function ExtendedFieldRow({ field: d, canWrite }: { field: ExtendedFieldRowData; canWrite: boolean }) {
  const [editing, setEditing] = useState(false);
  const isList = d.type === "ENUM";
  return (
    <tr className={d.active ? "align-top" : "align-top text-slate-500"}>
      <td className="px-4 py-3 font-mono text-xs font-medium">{d.name}</td>
      <td className="px-4 py-3">{TYPE_LABELS[d.type]}</td>
      <td className="px-4 py-3">
        {editing ? (
          <EditExtendedField id={d.id} name={d.name} isList={isList} description={d.description} allowedValues={d.allowedValues} onClose={() => setEditing(false)} />
        ) : (
          <>
            <p>{d.description || <span className="text-slate-400">No description</span>}</p>
            {isList ? <p className="mt-1 text-xs">Allowed: {d.allowedValues.join(" | ")}</p> : null}
          </>
        )}
      </td>
      <td className="px-4 py-3">
        <code className="text-xs">{conditionReference(d.scope, d.name)}</code>
      </td>
      <td className="px-4 py-3">{d.active ? <Badge tone="success">Active</Badge> : <Badge>Inactive</Badge>}</td>
      {canWrite ? (
        <td className="px-4 py-3">
          <div className="flex justify-end gap-2">
            <Button variant="secondary" size="sm" onClick={() => setEditing(true)} disabled={editing} aria-label={`Edit ${d.name}`}>
              Edit
            </Button>
            <FieldStatusButton id={d.id} name={d.name} active={d.active} />
          </div>
        </td>
      ) : null}
    </tr>
  );
}
