"use client";

import { useEffect, useRef } from "react";
import { CopyButton } from "@/components/forms/copy-button";
import { Button } from "@/components/ui/button";

/** The new client's credentials, shown once: only a hash of the secret is kept. */
export function SecretPanel({ name, clientId, secret, onDone }: { name: string; clientId: string; secret: string; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="secret-title" className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-5">
      <h2 id="secret-title" ref={heading} tabIndex={-1} className="text-base font-semibold text-amber-900">
        {name}: copy the secret now
      </h2>
      <p role="alert" className="mt-1 text-sm text-amber-900">
        You will not see this secret again. We keep only a hash of it; if it is lost, revoke this client and create a new one.
      </p>
      <dl className="mt-4 grid gap-3 text-sm">
        <CopyRow label="Client id" value={clientId} />
        <CopyRow label="Secret" value={secret} />
      </dl>
      <Button className="mt-4" onClick={onDone}>
        I have stored the secret
      </Button>
    </section>
  );
}

function CopyRow({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <dt className="w-20 font-medium text-slate-700">{label}</dt>
      <dd className="flex flex-1 items-center gap-2">
        <code data-testid={`new-client-${label.toLowerCase().replace(" ", "-")}`} className="rounded bg-white px-2 py-1 font-mono text-xs break-all">
          {value}
        </code>
        <CopyButton value={value} label={label} />
      </dd>
    </div>
  );
}
