"use client";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/lib/utils";

/**
 * A "New …" button that opens a create form in place (settings lists: API clients, users,
 * extended fields). The form lives in `children`; the panel only frames it.
 */
export function CreatePanel({
  open,
  onOpen,
  label,
  title = label,
  intro,
  children,
}: {
  open: boolean;
  onOpen: () => void;
  label: string;
  title?: string;
  intro?: React.ReactNode;
  children: React.ReactNode;
}) {
  if (!open) {
    return (
      <div className="mb-4 flex justify-end">
        <Button onClick={onOpen}>{label}</Button>
      </div>
    );
  }
  return (
    <Card className="mb-6 p-5">
      <h2 className="text-base font-semibold">{title}</h2>
      {intro ? <p className="mt-1 text-sm text-slate-600">{intro}</p> : null}
      {children}
    </Card>
  );
}

/** Submit (with its pending label) and Cancel, at the foot of a form. */
export function FormActions({
  submitting,
  submitLabel,
  busyLabel,
  onCancel,
  className,
}: {
  submitting: boolean;
  submitLabel: string;
  busyLabel: string;
  onCancel: () => void;
  className?: string;
}) {
  return (
    <div className={cn("flex gap-2", className)}>
      <Button type="submit">{submitting ? busyLabel : submitLabel}</Button>
      <Button variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  );
}
