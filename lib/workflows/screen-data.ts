import "server-only";
import { db } from "@/lib/db/client";
import { getOrgConfig } from "@/lib/org/configs";
import { orgFieldDecls, snapshotDecls } from "./org-schema";
import { getPendingRequest } from "./publish";
import { getWorkflowVersion, listWorkflowVersions } from "./versions";

/** Everything the Workflows tab shows, read in parallel (one call for the page). */
export async function loadWorkflowScreen({ orgId, programId }: { orgId: number; programId: number }) {
  const ids = { orgId, programId };
  const [draft, live, history, pending, fields, makerChecker, liveSnapshot] = await Promise.all([
    getWorkflowVersion({ ...ids, version: "draft" }),
    getWorkflowVersion({ ...ids, version: "live" }),
    listWorkflowVersions(ids),
    getPendingRequest(ids),
    orgFieldDecls(db, orgId),
    getOrgConfig(orgId, "WORKFLOW_MAKER_CHECKER"),
    db.workflowVersion.findFirst({ where: { ...ids, state: "LIVE" }, select: { fieldsSnapshot: true } }),
  ]);
  return { draft, live, history, pending, fields, makerChecker, liveFields: snapshotDecls(liveSnapshot?.fieldsSnapshot) };
}
