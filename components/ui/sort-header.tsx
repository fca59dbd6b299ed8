import Link from "next/link";

/** A column header that sorts the list on the server; announces the current order. */
export function SortHeader({
  label,
  column,
  sort,
  dir,
  hrefFor,
  className,
}: {
  label: string;
  column: string;
  sort: string;
  dir: "asc" | "desc";
  hrefFor: (sort: string, dir: "asc" | "desc") => string;
  className?: string;
}) {
  const active = sort === column;
  const next = active && dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" className={className ?? "px-4 py-3"} aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"}>
      <Link href={hrefFor(column, next)} className="inline-flex items-center gap-1 hover:text-slate-900">
        {label}
        <span aria-hidden="true">{active ? (dir === "asc" ? "▲" : "▼") : "↕"}</span>
      </Link>
    </th>
  );
}
