"use client";

import { useState } from "react";
import { useRunAction } from "@/components/forms/use-action-form";
import { setApiClientTrustAction } from "./actions";

/** "No OTP for transfers": an admin's mark, effective while the org's waiver config is on. Shown at once, undone on refusal. */
export function TrustCheckbox({ id, name, trusted, disabled }: { id: number; name: string; trusted: boolean; disabled: boolean }) {
  const run = useRunAction();
  const [checked, setChecked] = useState(trusted);
  const [pending, setPending] = useState(false);
  return (
    <input
      type="checkbox"
      className="h-4 w-4"
      checked={checked}
      disabled={disabled || pending}
      aria-label={`${name}: customer-to-customer transfers without OTP`}
      onChange={async (e) => {
        const next = e.currentTarget.checked;
        setChecked(next);
        setPending(true);
        const saved = await run(() => setApiClientTrustAction({ id, trusted: next }), next ? `${name} may transfer without OTP` : `${name} needs the OTP again`);
        if (!saved) setChecked(!next);
        setPending(false);
      }}
    />
  );
}
