"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { markNoticesReadAction } from "./notices-actions";
import { formatDateTime } from "@/lib/format/date";

export type NoticeItem = { id: number; title: string; body: string; href: string | null; createdAt: string; read: boolean };

/** In-console notices (a publish of a program you contribute to, an approval waiting for you). */
export function NoticesMenu({ notices, unread }: { notices: readonly NoticeItem[]; unread: number }) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  return (
    <div className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-haspopup="true"
        onClick={() => {
          setOpen(!open);
          if (!open && unread > 0) void markNoticesReadAction({}).then(() => router.refresh());
        }}
        className="relative rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100"
      >
        Notices
        {unread > 0 ? (
          <span aria-label={`${unread} unread`} className="ml-1 rounded-full bg-red-600 px-1.5 text-xs font-semibold text-white">
            {unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div role="region" aria-label="Notices" className="absolute right-0 z-20 mt-2 w-80 rounded-lg border border-slate-200 bg-white p-2 shadow-lg">
          {notices.length === 0 ? <p className="p-2 text-sm text-slate-500">No notices.</p> : null}
          <ul className="max-h-96 space-y-1 overflow-auto">
            {notices.map((n) => (
              <li key={n.id} className={`rounded p-2 text-sm ${n.read ? "" : "bg-brand-50"}`}>
                {n.href ? (
                  <Link href={n.href} className="font-medium text-brand-700 hover:underline" onClick={() => setOpen(false)}>
                    {n.title}
                  </Link>
                ) : (
                  <span className="font-medium">{n.title}</span>
                )}
                {n.body ? <p className="text-slate-600">{n.body}</p> : null}
                <p className="text-xs text-slate-400">{formatDateTime(n.createdAt)}</p>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
