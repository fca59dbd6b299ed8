import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Issue 9 "Lists and tables": the console has one table (components/ui/data-table.tsx, TanStack
// Table, page and sort in the URL), not a copy of table markup per list. Member Care's lists and
// the settings lists the issue names render through it; none writes its own <table>.
const LISTS = [
  "app/(console)/settings/users/page.tsx",
  "app/(console)/settings/api-clients/page.tsx",
  "app/(console)/settings/audit/page.tsx",
  "app/(console)/settings/organisation/unit-table.tsx",
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".tsx") ? [path] : [];
  });
}

describe("the console's one table", () => {
  it.each(LISTS)("%s renders its list with DataTable", (file) => {
    const text = readFileSync(file, "utf8");
    expect(text).toContain('from "@/components/ui/data-table"');
    expect(text).not.toMatch(/<table\b/);
  });

  it("Member Care writes no table markup of its own", () => {
    const files = [...sources("app/(console)/member-care"), ...sources("components/ledger"), ...sources("components/groups")];
    expect(files.length).toBeGreaterThan(10);
    expect(files.filter((f) => /<table\b/.test(readFileSync(f, "utf8")))).toEqual([]);
  });
});
