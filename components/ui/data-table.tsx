import Link from "next/link";
import { batch, createAtom } from "@tanstack/store";
import { flexRender } from "@tanstack/react-table/flex-render";
import { constructTable, rowPaginationFeature, rowSortingFeature, tableFeatures, type ColumnDef, type RowData } from "@tanstack/table-core";
import { renderPhaseReactivity } from "@tanstack/table-core/reactivity";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { tableHref, type SortDir, type TableUrl } from "@/lib/pagination";
import { cn } from "@/lib/utils";

type ColumnMeta = {
  /** Numbers line up on the right. */
  align?: "right";
  /** Extra classes for this column's cells. */
  className?: string;
  /** The header's text is for screen readers only (an actions column). */
  srOnlyHeader?: boolean;
};

// Sorting and paging state, nothing else: the rows arrive sorted and paged from the database.
// The reactivity slot is the store TanStack's React adapter uses, without the hooks: the table
// is built once per server render.
const FEATURES = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  coreReactivityFeature: renderPhaseReactivity({ createAtom, batch }),
  columnMeta: {} as ColumnMeta,
});

export type DataTableColumn<T extends RowData> = ColumnDef<typeof FEATURES, T>;

type Paging = { page: number; pageCount: number; total: number; pageSize?: number };

/**
 * The console's one table (TanStack Table, headless): a server component, so cells may render
 * anything a page can, and the list's page and sort live in the URL as plain links: the server
 * pages and sorts (`manualPagination`, `manualSorting`), the back button walks the history, and it
 * works before any script loads. A column sorts when it sets `enableSorting: true`; its `id` is
 * the sort key the page's query reads (lib/pagination.ts `tableQuery`).
 */
export function DataTable<T extends RowData>({
  caption,
  columns,
  rows,
  rowKey,
  rowClassName,
  rowProps,
  url,
  sort,
  paging,
  empty,
  className,
}: {
  caption: string;
  columns: DataTableColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string | number;
  rowClassName?: (row: T) => string | undefined;
  rowProps?: (row: T) => Record<`data-${string}`, string>;
  /** Where the table's state lives; without it the table neither pages nor sorts. */
  url?: TableUrl;
  sort?: { sort: string; dir: SortDir };
  paging?: Paging;
  /** Shown in the body when there are no rows. */
  empty?: React.ReactNode;
  className?: string;
}) {
  const table = constructTable({
    features: FEATURES,
    columns,
    data: rows,
    getRowId: (row) => String(rowKey(row)),
    manualPagination: true,
    manualSorting: true,
    enableMultiSort: false,
    pageCount: paging?.pageCount ?? 1,
    // The URL's state (lib/pagination.ts tableQuery).
    state: {
      sorting: sort ? [{ id: sort.sort, desc: sort.dir === "desc" }] : [],
      pagination: { pageIndex: (paging?.page ?? 1) - 1, pageSize: paging?.pageSize ?? Math.max(rows.length, 1) },
    },
  });
  const width = table.getAllLeafColumns().length;

  return (
    <Card className={cn("overflow-x-auto", className)}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const meta = header.column.columnDef.meta;
                const label = header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext());
                const sorted = header.column.getIsSorted();
                // A column opts in with enableSorting; its id is the sort the server understands.
                const sortable = url !== undefined && sort !== undefined && header.column.columnDef.enableSorting === true;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={cn("px-4 py-3", meta?.align === "right" && "text-right")}
                    aria-sort={sortable ? (sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none") : undefined}
                  >
                    {sortable ? (
                      <Link
                        href={tableHref(url, { sort: header.column.id, dir: sorted === "asc" ? "desc" : sorted === "desc" ? "asc" : firstDir(header.column.columnDef.sortDescFirst) })}
                        className="inline-flex items-center gap-1 hover:text-slate-900"
                      >
                        {label}
                        <span aria-hidden="true">{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
                      </Link>
                    ) : meta?.srOnlyHeader ? (
                      <span className="sr-only">{label}</span>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {rows.length === 0 && empty ? (
            <tr>
              <td colSpan={width} className="px-4 py-6 text-center text-slate-500">
                {empty}
              </td>
            </tr>
          ) : null}
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className={rowClassName?.(row.original)} {...rowProps?.(row.original)}>
              {row.getAllCells().map((cell) => {
                const meta = cell.column.columnDef.meta;
                return (
                  <td key={cell.id} className={cn("px-4 py-3", meta?.align === "right" && "text-right tabular-nums", meta?.className)}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {url && paging && paging.pageCount > 1 ? (
        <Pagination page={paging.page} pageCount={paging.pageCount} total={paging.total} hrefFor={(page) => tableHref(url, { page })} />
      ) : null}
    </Card>
  );
}

function firstDir(descFirst: boolean | undefined): SortDir {
  return descFirst ? "desc" : "asc";
}
