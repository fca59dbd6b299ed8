"use client";

import Image from "next/image";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { SignOutButton } from "@/components/account/sign-out-button";
import { CHANGE_PASSWORD_PATH } from "@/lib/auth/password-paths";
import { can, ROLE_LABELS, type Role } from "@/lib/auth/permissions";
import { cn } from "@/lib/utils";

type ShellUser = { name: string; email: string; role: Role; orgName: string };

export function ConsoleShell({ user, notices, children }: { user: ShellUser; notices?: React.ReactNode; children: React.ReactNode }) {
  const pathname = usePathname();
  const nav = [
    { href: "/programs", label: "Programs", show: true },
    { href: "/member-care", label: "Member Care", show: true },
    { href: "/settings", label: "Settings", show: can(user.role, "settings:read") },
  ];
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-6 px-4">
          <Link href="/programs" className="flex items-center gap-2 font-semibold text-brand-700">
            <Image src="/logo.svg" alt="" width={24} height={24} />
            Loyalty Console
          </Link>
          {/* Plain text, set apart from the logo link by a rule, so it does not read as part of it. */}
          <span className="hidden cursor-default border-l border-slate-200 pl-4 text-sm text-slate-500 sm:inline" title="Your organisation" data-testid="org-name">
            {user.orgName}
          </span>
          <nav aria-label="Main" className="flex gap-1">
            {nav
              .filter((item) => item.show)
              .map((item) => {
                const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
                return (
                  <Link
                    key={item.href}
                    href={item.href}
                    aria-current={active ? "page" : undefined}
                    className={cn(
                      "rounded-md px-3 py-1.5 text-sm font-medium",
                      active ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100",
                    )}
                  >
                    {item.label}
                  </Link>
                );
              })}
          </nav>
          <div className="ml-auto flex items-center gap-3">
            {notices}
            <div className="text-right text-sm leading-tight">
              <div className="font-medium text-slate-800" data-testid="user-name">
                {user.name}
              </div>
              <div className="text-xs text-slate-500" data-testid="user-role">
                {ROLE_LABELS[user.role]}
              </div>
            </div>
            <Link href={CHANGE_PASSWORD_PATH} className="rounded-md px-2 py-1.5 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900">
              Change password
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-8">{children}</main>
    </div>
  );
}
