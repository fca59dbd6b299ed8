"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { setApiClientRateLimitAction } from "./actions";

/**
 * An API client's requests per minute (0 is no limit): a number and its own Save, shown while
 * changed. The server's schema checks the value (noValidate: its words, not the browser's), and a
 * refusal shows under the field.
 */
export function RateLimitForm({ id, name, rateLimitPerMinute }: { id: number; name: string; rateLimitPerMinute: number }) {
  const router = useRouter();
  const errorId = useId();
  const [value, setValue] = useState(String(rateLimitPerMinute));
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const changed = value !== String(rateLimitPerMinute);
  return (
    <form
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setPending(true);
        const result = await setApiClientRateLimitAction({ id, rateLimitPerMinute: value });
        setPending(false);
        if (!result.ok) {
          setError(result.error.fieldErrors?.rateLimitPerMinute ?? result.error.message);
          return;
        }
        setError(null);
        const saved = result.data.rateLimitPerMinute;
        toast.success(saved === 0 ? `${name} has no rate limit` : `${name} may make ${saved.toLocaleString("en")} requests per minute`);
        router.refresh();
      }}
    >
      <div className="flex items-center gap-2">
        <Input
          type="number"
          inputMode="numeric"
          className="w-24"
          value={value}
          aria-label={`${name}: requests per minute (0 for no limit)`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => {
            setValue(e.currentTarget.value);
            setError(null);
          }}
        />
        {changed ? (
          <Button type="submit" size="sm" variant="secondary" disabled={pending} aria-label={`Save the rate limit of ${name}`}>
            Save
          </Button>
        ) : null}
      </div>
      {error ? (
        <p id={errorId} role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
