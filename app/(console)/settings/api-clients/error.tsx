"use client";

import { Button } from "@/components/ui/button";

export default function SegmentError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6">
      <h2 className="font-semibold text-red-800">This page could not load</h2>
      <p className="mt-1 text-sm text-red-700">
        Something went wrong on our side{error.digest ? ` (reference ${error.digest})` : ""}. Try again.
      </p>
      <Button variant="secondary" className="mt-4" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
