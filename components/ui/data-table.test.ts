import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable, type DataTableColumn } from "./data-table";

type Row = { id: number; name: string; points: number };
const columns: DataTableColumn<Row>[] = [
  { id: "name", header: "Name", enableSorting: true, cell: ({ row }) => row.original.name },
  { id: "points", header: "Points", meta: { align: "right" }, cell: ({ row }) => row.original.points },
  { id: "actions", header: "Actions", meta: { srOnlyHeader: true }, cell: () => "…" },
];
const rows: Row[] = [
  { id: 1, name: "Asha", points: 120 },
  { id: 2, name: "Chen", points: 40 },
];

function render(props: Partial<Parameters<typeof DataTable<Row>>[0]> = {}) {
  return renderToStaticMarkup(createElement(DataTable<Row>, { caption: "Members", columns, rows, rowKey: (r) => r.id, ...props }));
}

describe("DataTable", () => {
  it("renders the rows server-side, cells by their column", () => {
    const html = render();
    expect(html).toContain("<caption class=\"sr-only\">Members</caption>");
    expect(html).toMatch(/<td[^>]*>Asha<\/td><td[^>]*text-right[^>]*>120<\/td>/);
    expect(html).toContain('<span class="sr-only">Actions</span>');
    expect(html).not.toContain("aria-sort");
  });

  it("sorts and pages through links that carry the state in the URL", () => {
    const url = { path: "/g", params: { tab: "members", page: "2" } };
    const html = render({ url, sort: { sort: "name", dir: "asc" }, paging: { page: 2, pageCount: 3, total: 45, pageSize: 20 } });
    expect(html).toContain('aria-sort="ascending"');
    expect(html).toContain('href="/g?tab=members&amp;sort=name&amp;dir=desc"');
    expect(html).toContain('href="/g?tab=members&amp;page=3"');
    expect(html).toContain('href="/g?tab=members"');
    expect(html).toContain("Page 2 of 3 · 45 in all");
  });

  it("says what an empty table holds", () => {
    expect(render({ rows: [], empty: "No members yet." })).toMatch(/<td colspan="3"[^>]*>No members yet.<\/td>/i);
  });
});
