import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { CONFIG_AREAS, CONFIG_REGISTRY } from "@/lib/org/config-registry";
import { listOrgConfigs } from "@/lib/org/configs";
import { ConfigControl } from "./config-control";
import { describeRollingExpiry } from "./describe-rolling-expiry";
import { ReadOnlyNotice } from "@/components/ui/read-only-notice";

export const metadata: Metadata = { title: "Configs" };

export default async function ConfigsPage() {
  const user = await requirePageUser("/settings/configs", "settings:read");
  const canWrite = can(user.role, "settings:write");
  const entries = await listOrgConfigs({ orgId: user.orgId });
  return (
    <>
      <PageHeader
        title="Configs"
        description="Organisation configs for user groups, fleets, redemption and expiry. Changes apply at once to new events and API calls."
      />
      {canWrite ? null : <ReadOnlyNotice what="these configs" />}
      <div className="space-y-6">
        {CONFIG_AREAS.map((area) => (
          <section key={area} aria-labelledby={`area-${slug(area)}`}>
            <h2 id={`area-${slug(area)}`} className="mb-2 text-lg font-semibold text-slate-900">
              {area}
            </h2>
            <Card className="divide-y divide-slate-100">
              {entries
                .filter((e) => CONFIG_REGISTRY[e.key].area === area)
                .map((e) => {
                  const def = CONFIG_REGISTRY[e.key];
                  return def.managedAt ? (
                    <div key={e.key} className="flex flex-wrap items-start justify-between gap-4 p-4">
                      <div className="max-w-2xl">
                        <h3 className="font-medium">{def.label}</h3>
                        <code className="text-xs text-slate-500">{e.key}</code>
                        <p className="mt-1 text-sm text-slate-600">{def.description}</p>
                      </div>
                      <div className="text-right text-sm">
                        <p>{describeRollingExpiry(e.value)}</p>
                        <Link href={def.managedAt} className="text-brand-700 underline">
                          {canWrite ? "Change in Points management" : "See Points management"}
                        </Link>
                      </div>
                    </div>
                  ) : (
                    <ConfigControl key={e.key} configKey={e.key} value={e.value} isDefault={e.isDefault} canWrite={canWrite} />
                  );
                })}
            </Card>
          </section>
        ))}
      </div>
    </>
  );
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z]+/g, "-");
}
