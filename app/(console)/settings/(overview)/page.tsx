import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { SETTINGS_SECTIONS } from "../sections";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePageUser("/settings", "settings:read");
  return (
    <>
      <PageHeader title="Settings" description={`Organisation settings for ${user.orgName}.`} />
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {SETTINGS_SECTIONS.filter((s) => can(user.role, s.permission)).map((section) => (
          <li key={section.href}>
            <Card className="h-full p-5">
              <h2 className="font-semibold">
                <Link className="text-brand-700 hover:underline" href={section.href}>
                  {section.title}
                </Link>
              </h2>
              <p className="mt-1 text-sm text-slate-600">{section.body}</p>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
