/**
 * The loading skeleton every console segment uses (its loading.tsx re-exports this): the shape of
 * a page (title, description, a list), shown at once while the server renders the real one.
 */
export function SegmentLoading() {
  return (
    <div role="status" aria-live="polite" aria-busy="true" data-testid="segment-loading" className="animate-pulse space-y-4">
      <div className="h-7 w-48 rounded bg-slate-200" />
      <div className="h-4 w-full max-w-xl rounded bg-slate-100" />
      <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="h-4 w-full rounded bg-slate-200" />
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-4 w-full rounded bg-slate-100" />
        ))}
      </div>
      <span className="sr-only">Loading…</span>
    </div>
  );
}
