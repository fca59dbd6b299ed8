import { useId } from "react";

/** A labelled form control with its error announced to screen readers (aria-describedby + aria-live). */
export function Field({
  label,
  error,
  hint,
  children,
}: {
  label: string;
  error?: string | undefined;
  hint?: string;
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby": string | undefined }) => React.ReactNode;
}) {
  const id = useId();
  const messageId = `${id}-message`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children({ id, "aria-invalid": Boolean(error), "aria-describedby": error || hint ? messageId : undefined })}
      <p id={messageId} aria-live="polite" className={error ? "text-sm text-red-600" : "text-xs text-slate-500"}>
        {error ?? hint}
      </p>
    </div>
  );
}
