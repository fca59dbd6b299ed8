"use client";

import { CopyButton } from "@/components/forms/copy-button";
import { Button } from "@/components/ui/button";

/** A temporary password, shown once (after Add user or Reset password). */
export function TemporaryPassword({ email, password, onDone }: { email: string; password: string; onDone: () => void }) {
  return (
    <section aria-labelledby="temp-password-title" className="rounded-lg border border-amber-300 bg-amber-50 p-5 text-left">
      <h2 id="temp-password-title" className="text-base font-semibold text-amber-900">
        Temporary password for {email}
      </h2>
      <p role="alert" className="mt-1 text-sm text-amber-900">
        You will not see this password again: we keep only a hash. Give it to them over a safe channel (not the same email). At their
        first sign-in they choose their own.
      </p>
      <div className="mt-3 flex items-center gap-2">
        <code data-testid="temporary-password" className="rounded bg-white px-2 py-1 font-mono text-sm">
          {password}
        </code>
        <CopyButton value={password} label="Password" />
      </div>
      <Button className="mt-4" onClick={onDone}>
        Done
      </Button>
    </section>
  );
}
