"use client";

import { useState } from "react";
import { toast } from "sonner";
import { useRunAction } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { decidePublishRequestAction } from "./actions";
import { formatDateTime } from "@/lib/format/date";

export type PendingRequest = { id: number; versionNumber: number; note: string; requestedBy: string; requestedById: number | null; createdAt: string };

/** Maker-checker (issue 8): the pending publish request; an admin other than the requester decides it. */
export function ApprovalPanel({ programId, request, canApprove, userId }: { programId: number; request: PendingRequest; canApprove: boolean; userId: number }) {
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const run = useRunAction();
  const own = request.requestedById === userId;
  async function decide(approve: boolean) {
    setBusy(true);
    try {
      const out = await run(() => decidePublishRequestAction({ programId, requestId: request.id, approve, comment }), approve ? `Version ${request.versionNumber} approved and published` : "Request rejected");
      if (out && out.status === "PROBLEMS") toast.error(`Cannot publish: ${out.problems[0]?.message ?? ""}`);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section role="region" aria-label="Publish request" className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
      <p>
        <strong>Waiting for approval:</strong> version {request.versionNumber}, requested by {request.requestedBy} on {formatDateTime(request.createdAt)} — “{request.note}”. The LIVE version keeps running until an admin approves.
      </p>
      {canApprove && !own ? (
        <div className="mt-3 space-y-2">
          <label className="block">
            <span className="text-xs font-medium">Comment (required to reject)</span>
            <Textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={2} />
          </label>
          <div className="flex gap-2">
            <Button onClick={() => void decide(true)} disabled={busy}>
              Approve and publish
            </Button>
            <Button variant="secondary" onClick={() => void decide(false)} disabled={busy}>
              Reject
            </Button>
          </div>
        </div>
      ) : own ? (
        <p className="mt-2">Another admin must approve your request.</p>
      ) : null}
    </section>
  );
}
