"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/permissions";
import { changeUserRoleAction } from "./actions";

/** Role select + Save for one user. An admin's own role is shown but not editable (lib refuses too). */
export function UserRoleControl({ userId, email, role, self }: { userId: number; email: string; role: Role; self: boolean }) {
  const router = useRouter();
  const [value, setValue] = useState<Role>(role);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const errorId = `role-error-${userId}`;

  if (self) return <span title="You cannot change your own role; ask another admin.">{ROLE_LABELS[role]}</span>;
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        startTransition(async () => {
          const result = await changeUserRoleAction({ userId, role: value });
          if (!result.ok) {
            setError(result.error.fieldErrors?.role ?? result.error.message);
            return;
          }
          toast.success(`${email} is now ${ROLE_LABELS[value]}`);
          router.refresh();
        });
      }}
    >
      <select
        aria-label={`Role of ${email}`}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? errorId : undefined}
        value={value}
        disabled={pending}
        onChange={(e) => setValue(e.target.value as Role)}
        className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm aria-[invalid=true]:border-red-500"
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
      <Button type="submit" size="sm" variant="secondary" disabled={pending || value === role} aria-label={`Save role of ${email}`}>
        {pending ? "Saving…" : "Save"}
      </Button>
      {error ? (
        <p id={errorId} role="alert" className="w-full text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </form>
  );
}
