"use client";

import { useRunAction } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { redeliverAction, setWebhookActiveAction } from "./actions";

export function WebhookActiveButton({ id, name, active }: { id: number; name: string; active: boolean }) {
  const run = useRunAction();
  if (!active) {
    return (
      <Button size="sm" variant="secondary" onClick={() => run(() => setWebhookActiveAction({ id, active: true }), `${name} is active again`)}>
        Activate
      </Button>
    );
  }
  return (
    <ConfirmDialog
      title={`Pause ${name}?`}
      body="Events that happen while it is paused are not sent to it."
      confirmLabel="Pause webhook"
      onConfirm={() => run(() => setWebhookActiveAction({ id, active: false }), `${name} paused`)}
      trigger={(open) => (
        <Button size="sm" variant="ghost" onClick={open} aria-label={`Pause ${name}`}>
          Pause
        </Button>
      )}
    />
  );
}

export function RedeliverButton({ deliveryId, eventName }: { deliveryId: number; eventName: string }) {
  const run = useRunAction();
  return (
    <Button size="sm" variant="secondary" aria-label={`Redeliver ${eventName} ${deliveryId}`} onClick={() => run(() => redeliverAction({ deliveryId }), "Delivery queued again")}>
      Redeliver
    </Button>
  );
}
