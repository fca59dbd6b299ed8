import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format/date";
import { listOrgConfigs } from "@/lib/org/configs";
import { singleRollingExpirySchema, SINGLE_ROLLING_EXPIRY_DEFAULT } from "@/lib/org/rolling-expiry-schema";
import { RollingExpiryForm } from "./rolling-expiry-form";
import { ReadOnlyNotice } from "@/components/ui/read-only-notice";

export const metadata: Metadata = { title: "Points management" };

export default async function PointsManagementPage() {
  const user = await requirePageUser("/settings/points", "settings:read");
  const canWrite = can(user.role, "settings:write");
  const [entry, zeroPoints] = await listOrgConfigs({ orgId: user.orgId, keys: ["SINGLE_ROLLING_EXPIRY", "ROLLING_EXPIRY_INCLUDE_ZERO_POINTS"] });
  const parsed = singleRollingExpirySchema.safeParse(entry?.value);
  const value = parsed.success ? parsed.data : SINGLE_ROLLING_EXPIRY_DEFAULT;
  return (
    <>
      <PageHeader title="Points management" description="Single Rolling Expiry: one expiry window for points across every program of the org." />
      {canWrite ? null : <ReadOnlyNotice what="the points settings" />}
      <Card className="mb-6 p-5 text-sm text-slate-700">
        <h2 className="text-base font-semibold text-slate-900">How it works</h2>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>
            It only rolls points that were awarded under a <strong>rolling expiry condition</strong> (a points strategy that expires points
            “Rolling Expiry from Event Date”). Points with a fixed expiry keep theirs.
          </li>
          <li>When a customer does one of the chosen events in any program, the expiry of those points moves to the event date plus the rolling period.</li>
          <li>The rolling period here overrides the duration set on the rolling expiry conditions.</li>
          <li>
            Events that award 0 points roll expiry only when{" "}
            <Link href="/settings/configs" className="text-brand-700 underline">
              ROLLING_EXPIRY_INCLUDE_ZERO_POINTS
            </Link>{" "}
            is on (now {zeroPoints?.value === true ? "on" : "off"}).
          </li>
        </ul>
      </Card>
      <RollingExpiryForm value={value} canWrite={canWrite} />
      {entry?.updatedAt ? <p className="mt-3 text-xs text-slate-500">Last changed {formatDateTime(entry.updatedAt)}.</p> : null}
    </>
  );
}
