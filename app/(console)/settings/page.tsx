import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Settings" };

const SECTIONS = [
  { href: "/settings/users", title: "Users and roles", body: "Who can sign in to this org's console, and what their role lets them do.", adminOnly: true },
  { href: null, title: "Organisation", body: "Zones, concepts, card series, stores and tills; the org's multi-loyalty-program type.", adminOnly: false },
  { href: null, title: "Configs", body: "Every organisation config (user groups, fleets, redemption, expiry) with its description.", adminOnly: false },
  { href: null, title: "Extended fields", body: "Typed fields for transactions, customers and user groups, used by workflow conditions.", adminOnly: false },
  { href: null, title: "API clients", body: "Credentials for POS, e-commerce and CRM systems calling the /v2 API.", adminOnly: true },
  { href: null, title: "Audit log", body: "Every configuration change: who, what, before, after and when.", adminOnly: true },
];

export default async function SettingsPage() {
  const user = await requirePageUser("/settings", "settings:read");
  const isAdmin = can(user.role, "settings:write");
  return (
    <>
      <PageHeader title="Settings" description={`Organisation settings for ${user.orgName}.`} />
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {SECTIONS.filter((s) => isAdmin || !s.adminOnly).map((section) => (
          <li key={section.title}>
            <Card className="h-full p-5">
              <h2 className="font-semibold">
                {section.href ? (
                  <Link className="text-brand-700 hover:underline" href={section.href}>
                    {section.title}
                  </Link>
                ) : (
                  section.title
                )}
              </h2>
              <p className="mt-1 text-sm text-slate-600">{section.body}</p>
              {section.href ? null : <p className="mt-3 text-xs font-medium text-slate-500">Coming with the settings release</p>}
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
