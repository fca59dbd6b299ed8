import Link from "next/link";

/** Previous / next links that keep the other query parameters (server-side paging). */
export function Pagination({
  page,
  pageCount,
  total,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  total: number;
  hrefFor: (page: number) => string;
}) {
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between border-t border-slate-200 px-4 py-3 text-sm">
      <span className="text-slate-600">
        Page {page} of {pageCount} · {total} in all
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100" href={hrefFor(page - 1)} rel="prev">
            Previous
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100" href={hrefFor(page + 1)} rel="next">
            Next
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
