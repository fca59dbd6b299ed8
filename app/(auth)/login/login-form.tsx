"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

const loginSchema = z.object({
  email: z.email("Enter a valid email address"),
  password: z.string().min(1, "Enter your password"),
});
type LoginInput = z.infer<typeof loginSchema>;

// A real form that POSTs to /login/submit: before the JavaScript has loaded (a slow network, a
// dev server still compiling) the browser submits it itself and follows the redirect; once
// hydrated, the same endpoint is fetched for JSON so errors show in place. Never a GET.
export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError);
  const form = useForm<LoginInput>({ resolver: zodResolver(loginSchema), defaultValues: { email: "", password: "" } });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: LoginInput) {
    setError(null);
    const body = new FormData();
    body.set("email", values.email);
    body.set("password", values.password);
    body.set("callbackUrl", callbackUrl);
    const res = await fetch("/login/submit", { method: "POST", body, headers: { accept: "application/json" } }).catch(() => null);
    const answer = (await res?.json().catch(() => null)) as { redirect?: string; error?: string } | null;
    if (!res?.ok || !answer?.redirect) {
      setError(answer?.error ?? "Could not reach the console. Check your connection and try again.");
      return;
    }
    router.replace(answer.redirect);
    router.refresh();
  }

  return (
    <Card className="p-6">
      <form method="post" action="/login/submit" onSubmit={form.handleSubmit(onSubmit)} noValidate>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <fieldset disabled={isSubmitting} className="space-y-4">
          <Field label="Email" error={errors.email?.message}>
            {(p) => <Input {...p} type="email" autoComplete="username" autoFocus {...form.register("email")} />}
          </Field>
          <Field label="Password" error={errors.password?.message}>
            {(p) => <Input {...p} type="password" autoComplete="current-password" {...form.register("password")} />}
          </Field>
          <p role="alert" aria-live="assertive" className="min-h-5 text-sm text-red-600">
            {error}
          </p>
          <Button type="submit" className="w-full">
            {isSubmitting ? "Signing in…" : "Sign in"}
          </Button>
        </fieldset>
      </form>
    </Card>
  );
}
