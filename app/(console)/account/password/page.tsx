import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { CHANGE_PASSWORD_PATH } from "@/lib/auth/password-paths";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Change password" };

export default async function ChangePasswordPage() {
  const user = await requirePageUser(CHANGE_PASSWORD_PATH, "account:password");
  return (
    <>
      <PageHeader title="Change password" description={`For ${user.email}. Changing it signs you out everywhere else (other browsers and devices).`} />
      <Card className="max-w-md p-6">
        <ChangePasswordForm first={false} />
      </Card>
    </>
  );
}
