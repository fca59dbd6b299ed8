import { describe, expect, it } from "vitest";
import { tableHref, tableQuery } from "./pagination";

const sortable = ["joined", "name"] as const;

describe("a table's page and sort in the URL", () => {
  it("reads them, falling back to the defaults for anything unknown", () => {
    expect(tableQuery({ page: "3", sort: "name", dir: "desc" }, { sortable, defaultSort: "joined" })).toEqual({ page: 3, sort: "name", dir: "desc" });
    expect(tableQuery({ page: "-1", sort: "nope", dir: "up" }, { sortable, defaultSort: "joined", defaultDir: "desc" })).toEqual({ page: 1, sort: "joined", dir: "desc" });
    expect(tableQuery({}, { sortable, defaultSort: "name" })).toEqual({ page: 1, sort: "name", dir: "asc" });
  });

  it("keeps two tables of one page apart by their key", () => {
    const params = { membersPage: "2", membersSort: "name", page: "5" };
    expect(tableQuery(params, { sortable, defaultSort: "joined", key: "members" })).toEqual({ page: 2, sort: "name", dir: "asc" });
    expect(tableQuery(params, { sortable, defaultSort: "joined", key: "ledger" })).toEqual({ page: 1, sort: "joined", dir: "asc" });
  });

  it("writes links that change only this table's state and keep the rest", () => {
    const url = { path: "/member-care/groups/7", params: { tab: "members", membersPage: "3", q: ["a", "b"] }, key: "members" };
    expect(tableHref(url, { page: 4 })).toBe("/member-care/groups/7?tab=members&membersPage=4&q=a&q=b");
    // A new order starts again at page one.
    expect(tableHref(url, { sort: "name", dir: "desc" })).toBe("/member-care/groups/7?tab=members&q=a&q=b&membersSort=name&membersDir=desc");
    expect(tableHref({ path: "/x", params: { page: "2" } }, { page: 1 })).toBe("/x");
  });
});
