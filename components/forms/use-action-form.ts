"use client";

import { useRouter } from "next/navigation";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/auth/action";

/**
 * Runs a server action from a react-hook-form form: field errors from the server land on their
 * fields (form.setError), other errors go to one toast; success toasts and refreshes the page's
 * server data. Returns the data on success, undefined otherwise.
 */
export function useActionSubmit<V extends FieldValues, C = unknown, O = V>(form: UseFormReturn<V, C, O>) {
  const router = useRouter();
  return async function submit<T>(run: () => Promise<ActionResult<T>>, success?: string): Promise<T | undefined> {
    const result = await run();
    if (result.ok) {
      if (success) toast.success(success);
      router.refresh();
      return result.data;
    }
    const { fieldErrors, message } = result.error;
    let placed = false;
    for (const [field, text] of Object.entries(fieldErrors ?? {})) {
      if (field === "_form") continue;
      form.setError(field as Path<V>, { type: "server", message: text });
      placed = true;
    }
    if (!placed) toast.error(message);
    return undefined;
  };
}

/**
 * Runs a server action from a button (activate, revoke, deactivate…): success toasts and
 * refreshes the page's server data; a refusal is shown in one toast. Returns the data on success.
 */
export function useRunAction() {
  const router = useRouter();
  return async function run<T>(action: () => Promise<ActionResult<T>>, success: string): Promise<T | undefined> {
    const result = await action();
    if (!result.ok) {
      toast.error(result.error.message);
      return undefined;
    }
    toast.success(success);
    router.refresh();
    return result.data;
  };
}
