"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { changePasswordAction } from "@/app/(console)/account/password/actions";
import { useActionSubmit } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { changePasswordSchema, PASSWORD_MIN_LENGTH } from "@/lib/org/users-schema";

type FormInput = z.input<typeof changePasswordSchema>;
type FormOutput = z.output<typeof changePasswordSchema>;
const EMPTY: FormInput = { currentPassword: "", newPassword: "", confirmPassword: "" };

/**
 * Current password, new password twice. `first`: the temporary password an admin gave is the
 * current one, and success goes on to where the user was going; otherwise success stays here.
 */
export function ChangePasswordForm({ first, callbackUrl }: { first: boolean; callbackUrl?: string }) {
  const router = useRouter();
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(changePasswordSchema), defaultValues: EMPTY });
  const submit = useActionSubmit(form);
  const { errors, isSubmitting } = form.formState;
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={form.handleSubmit(async (values) => {
        const done = await submit(() => changePasswordAction(values));
        if (!done) return;
        form.reset(EMPTY);
        if (first) {
          toast.success("Password set. Welcome.");
          router.replace(callbackUrl ?? "/programs");
        } else {
          toast.success("Password changed. You were signed out everywhere else.");
        }
      })}
    >
      <fieldset disabled={isSubmitting} className="space-y-4">
        <Field label={first ? "Temporary password" : "Current password"} error={errors.currentPassword?.message}
          hint={first ? "The one your admin gave you." : undefined}>
          {(props) => <Input {...props} {...form.register("currentPassword")} type="password" autoComplete="current-password" />}
        </Field>
        <Field label="New password" error={errors.newPassword?.message} hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}>
          {(props) => <Input {...props} {...form.register("newPassword")} type="password" autoComplete="new-password" />}
        </Field>
        <Field label="New password again" error={errors.confirmPassword?.message}>
          {(props) => <Input {...props} {...form.register("confirmPassword")} type="password" autoComplete="new-password" />}
        </Field>
        <Button type="submit" className="w-full">
          {isSubmitting ? "Saving…" : first ? "Set password and continue" : "Change password"}
        </Button>
      </fieldset>
    </form>
  );
}
