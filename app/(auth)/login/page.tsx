import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { WRONG_CREDENTIALS } from "@/lib/auth/sign-in";
import { lockedMessage } from "@/lib/auth/sign-in-throttle";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string; wait?: string }> }) {
  const { callbackUrl, error, wait } = await searchParams;
  const target = safeCallbackUrl(callbackUrl);
  if (await currentUser()) redirect(target);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-sm font-semibold uppercase tracking-widest text-brand-600">Loyalty Console</p>
          <h1 className="mt-2 text-2xl font-semibold text-slate-900">Sign in to your org</h1>
        </div>
        <LoginForm callbackUrl={target} initialError={error === "locked" ? lockedMessage(Number(wait) || 15 * 60) : error ? WRONG_CREDENTIALS : null} />
      </div>
    </main>
  );
}
