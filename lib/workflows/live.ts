import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { cachedPerOrg } from "@/lib/org/cache";
import { compileWorkflow, type CompiledWorkflow } from "./evaluate";
import { schemaOf, snapshotDecls } from "./org-schema";
import { parseStoredDocument } from "./versions";

// What the engine runs on an event (DESIGN §4): the program's LIVE version, compiled against the
// extended fields it was published with (fieldsSnapshot), so deactivating a field later does not
// change a published rule. LIVE versions are immutable (a DB trigger refuses changes), so the
// compiled form is cached by version id and safe to share between requests.

export type LiveWorkflow = { versionId: number; number: number; workflow: CompiledWorkflow };

type Reader = Pick<Prisma.TransactionClient, "workflowVersion">;

const cache = new Map<number, LiveWorkflow>();
const CACHE_LIMIT = 500;

export async function getLiveWorkflow({ orgId, programId, client = db }: { orgId: number; programId: number; client?: Reader }): Promise<LiveWorkflow | null> {
  const head = await cachedPerOrg(orgId, `workflows:live-head:${programId}`, () =>
    client.workflowVersion.findFirst({ where: { orgId, programId, state: "LIVE" }, select: { id: true, number: true } }),
  );
  if (!head) return null;
  const cached = cache.get(head.id);
  if (cached) return cached;
  const row = await client.workflowVersion.findFirstOrThrow({ where: { id: head.id, orgId }, select: { document: true, fieldsSnapshot: true } });
  const live = { versionId: head.id, number: head.number, workflow: compileWorkflow(parseStoredDocument(row.document, head.id), schemaOf(snapshotDecls(row.fieldsSnapshot))) };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as number);
  cache.set(head.id, live);
  return live;
}
