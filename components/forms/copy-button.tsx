"use client";

import { toast } from "sonner";
import { Button } from "@/components/ui/button";

/** Copies a value shown once (a secret, a temporary password) and says whether it worked. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  return (
    <Button
      variant="secondary"
      size="sm"
      aria-label={`Copy ${label.toLowerCase()}`}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(value);
          toast.success(`${label} copied`);
        } catch {
          toast.error("Copying is blocked here; select the text and copy it by hand.");
        }
      }}
    >
      Copy
    </Button>
  );
}
