import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SignOutButton } from "@/components/account/sign-out-button";
import { Card } from "@/components/ui/card";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { FIRST_PASSWORD_PATH } from "@/lib/auth/password-paths";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Choose your password" };

// Outside the console's shell on purpose: until the temporary password is replaced there is
// nothing else to go to (every console page and action refuses, lib/auth/session.ts, action.ts).
export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const target = safeCallbackUrl((await searchParams).callbackUrl);
  const user = await requirePageUser(FIRST_PASSWORD_PATH);
  if (!user.mustChangePassword) redirect(target);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-sm font-semibold uppercase tracking-widest text-brand-600">Loyalty Console</p>
          <h1 className="mt-2 text-2xl font-semibold text-slate-900">Choose your password</h1>
          <p className="mt-2 text-sm text-slate-600">
            You signed in as {user.email} with a temporary password from your admin. Choose your own to continue; the temporary one then stops working.
          </p>
        </div>
        <Card className="p-6">
          <ChangePasswordForm first callbackUrl={target} />
        </Card>
        <div className="mt-4 text-center">
          <SignOutButton variant="ghost" />
        </div>
      </div>
    </main>
  );
}
