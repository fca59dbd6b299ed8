import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("toCsv", () => {
  it("quotes what needs quoting and ends each record with CRLF", () => {
    expect(toCsv(["a", "b"], [["plain", 3], ['has "quote", comma', null], ["two\nlines", -1]])).toBe(
      'a,b\r\nplain,3\r\n"has ""quote"", comma",\r\n"two\nlines",-1\r\n',
    );
  });

  it("never lets a text field start a spreadsheet formula", () => {
    expect(toCsv(["name"], [["=HYPERLINK(\"x\")"], ["+1"], ["@sum"]])).toBe("name\r\n\"'=HYPERLINK(\"\"x\"\")\"\r\n'+1\r\n'@sum\r\n");
  });
});
