"use client";

import { useEffect, useRef, useState } from "react";

/**
 * Drives a native <dialog> from React state: showModal() traps focus and Escape closes it (the
 * dialog's onClose keeps the state in step). Spread `dialogProps` on the <dialog>.
 */
export function useModalDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return { open, setOpen, dialogProps: { ref, onClose: () => setOpen(false) } };
}
