"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { MLP_TYPE_INFO, MLP_TYPE_IS_FINAL, MLP_TYPES, type MlpTypeValue } from "@/lib/programs/org-structure/mlp";
import { formatDateTime } from "@/lib/format/date";
import { setMlpTypeAction } from "./actions";

/**
 * The org's multi-loyalty-program type (SPEC §0 "MLP enablement"): offered once with a warning,
 * then shown read-only with the reason and the date it was chosen.
 */
export function MlpTypePanel({ mlpType, setAt, canWrite }: { mlpType: MlpTypeValue | null; setAt: Date | null; canWrite: boolean }) {
  const router = useRouter();
  const [choice, setChoice] = useState<MlpTypeValue | null>(null);

  if (mlpType) {
    return (
      <Card className="p-5" aria-labelledby="mlp-heading" role="region">
        <h2 id="mlp-heading" className="text-base font-semibold">
          Multi-loyalty-program type
        </h2>
        <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
          <Badge tone="info">{MLP_TYPE_INFO[mlpType].label}</Badge>
          {setAt ? <span className="text-slate-600">Chosen {formatDateTime(setAt)}</span> : null}
        </p>
        <p className="mt-2 text-sm text-slate-700">{MLP_TYPE_INFO[mlpType].explanation}</p>
        <p className="mt-1 text-sm text-slate-600">{MLP_TYPE_IS_FINAL}</p>
      </Card>
    );
  }

  return (
    <Card className="p-5" aria-labelledby="mlp-heading" role="region">
      <h2 id="mlp-heading" className="text-base font-semibold">
        Multi-loyalty-program type <Badge tone="warning">Not chosen</Badge>
      </h2>
      <p className="mt-1 text-sm text-slate-600">{MLP_TYPE_IS_FINAL}</p>
      {canWrite ? (
        <fieldset className="mt-4">
          <legend className="text-sm font-medium text-slate-700">Map programs to</legend>
          <div className="mt-2 grid gap-2 md:grid-cols-3">
            {MLP_TYPES.map((type) => (
              <label key={type} className="flex cursor-pointer items-start gap-2 rounded-md border border-slate-200 p-3 text-sm has-[:checked]:border-brand-600">
                <input type="radio" name="mlpType" value={type} checked={choice === type} onChange={() => setChoice(type)} className="mt-1" />
                <span>
                  <span className="font-medium">{MLP_TYPE_INFO[type].label}</span>
                  <span className="block text-slate-600">{MLP_TYPE_INFO[type].explanation}</span>
                </span>
              </label>
            ))}
          </div>
          <ConfirmDialog
            title={choice ? `Use ${MLP_TYPE_INFO[choice].label.toLowerCase()}-based programs?` : "Choose a type"}
            body={<>This cannot be changed later. {MLP_TYPE_IS_FINAL}</>}
            confirmLabel="Set the type"
            tone="primary"
            onConfirm={async () => {
              if (!choice) return;
              const result = await setMlpTypeAction({ mlpType: choice });
              if (!result.ok) {
                toast.error(result.error.message);
                router.refresh();
                return;
              }
              toast.success(`Multi-loyalty-program type set to ${MLP_TYPE_INFO[choice].label.toLowerCase()}`);
              router.refresh();
            }}
            trigger={(open) => (
              <Button className="mt-4" onClick={open} disabled={!choice}>
                Set the type…
              </Button>
            )}
          />
        </fieldset>
      ) : (
        <p className="mt-2 text-sm text-slate-600">An admin chooses it.</p>
      )}
    </Card>
  );
}
