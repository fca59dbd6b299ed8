"use client";

import { ActiveToggle } from "@/components/forms/active-toggle";
import { setUserActiveAction } from "./actions";

/** Deactivate or reactivate one user, after confirmation. */
export function UserStatusControl({ userId, name, email, active }: { userId: number; name: string; email: string; active: boolean }) {
  return (
    <ActiveToggle
      active={active}
      title={name}
      subject={email}
      noun="user"
      effect={{
        deactivate: `${email} will be signed out at their next click and cannot sign in until an admin reactivates them. Their history stays.`,
        reactivate: `${email} will be able to sign in again with their current password and role.`,
      }}
      toggle={(next) => setUserActiveAction({ userId, active: next })}
    />
  );
}
