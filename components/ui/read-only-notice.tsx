/**
 * The banner of a settings page the signed-in role may read but not change, so a program manager
 * knows why there is nothing to press (rather than thinking the page is broken).
 */
export function ReadOnlyNotice({ what }: { what: string }) {
  return (
    <p role="note" data-testid="read-only-notice" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      You can read {what}; only an admin can change them.
    </p>
  );
}
