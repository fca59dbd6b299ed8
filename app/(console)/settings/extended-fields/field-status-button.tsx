"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { setExtendedFieldActiveAction } from "./actions";

export function FieldStatusButton({ id, name, active }: { id: number; name: string; active: boolean }) {
  const router = useRouter();
  const verb = active ? "Deactivate" : "Reactivate";
  return (
    <ConfirmDialog
      title={`${verb} ${name}?`}
      tone={active ? "danger" : "primary"}
      body={
        active
          ? "Conditions that use this field will report it as an unknown attribute until you reactivate it. Its name, type and values are kept."
          : "Conditions can use this field again."
      }
      confirmLabel={`${verb} field`}
      onConfirm={async () => {
        const result = await setExtendedFieldActiveAction({ id, active: !active });
        if (!result.ok) {
          toast.error(result.error.message);
          return;
        }
        toast.success(`${name} ${active ? "deactivated" : "reactivated"}`);
        router.refresh();
      }}
      trigger={(open) => (
        <Button variant="secondary" size="sm" onClick={open} aria-label={`${verb} ${name}`}>
          {verb}
        </Button>
      )}
    />
  );
}
