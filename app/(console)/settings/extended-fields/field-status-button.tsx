"use client";

import { ActiveToggle } from "@/components/forms/active-toggle";
import { setExtendedFieldActiveAction } from "./actions";

export function FieldStatusButton({ id, name, active }: { id: number; name: string; active: boolean }) {
  return (
    <ActiveToggle
      active={active}
      title={name}
      subject={name}
      noun="field"
      effect={{
        deactivate: "Conditions that use this field will report it as an unknown attribute until you reactivate it. Its name, type and values are kept.",
        reactivate: "Conditions can use this field again.",
      }}
      toggle={(next) => setExtendedFieldActiveAction({ id, active: next })}
    />
  );
}
