import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Expr } from "./ast";
import { lex } from "./lexer";
import { parse } from "./parser";
import { print } from "./printer";
import { lineColumnAt, offsetAt } from "./source-position";
import { conditionArb, withoutRanges } from "./test-arbitraries";

const tree = (source: string) => {
  const result = parse(source);
  expect(result.diagnostics).toEqual([]);
  return result.ast;
};
const shape = (source: string) => print(tree(source));

describe("lexer", () => {
  it("reads numbers, strings with escapes, identifiers and every operator with positions", () => {
    const { tokens, diagnostics } = lex(`a.b_1 120.50 "x\\"y\\n\\u0041" 'q' == != <= >= < > && || ! + - * / % ( ) ,`);
    expect(diagnostics).toEqual([]);
    expect(tokens.map((t) => t.kind)).toEqual([
      "identifier", ".", "identifier", "number", "string", "string", "==", "!=", "<=", ">=", "<", ">", "&&", "||", "!", "+", "-", "*", "/", "%", "(", ")", ",", "eof",
    ]);
    expect(tokens[3]).toMatchObject({ text: "120.50", range: { start: 6, end: 12 } });
    expect(tokens[4]?.text).toBe('x"y\nA');
    expect(tokens[5]?.text).toBe("q");
  });

  it("keeps unknown escapes as written so regexes like \\d survive", () => {
    expect(lex(`"\\d+"`).tokens[0]?.text).toBe("\\d+");
  });
});

describe("parse", () => {
  it("parses every SPEC §5.3 example without diagnostics", () => {
    for (const source of [
      `currentTxn.extField_member_card_swiped=="No" || currentTxn.extField_member_card_swiped.isNull()`,
      `currentTxn.extField_member_card_swiped=="Yes"`,
      `currentCustomer.isGroupMember==Yes`,
      `currentCustomer.isGroupMember==true`,
      `currentCustomer.slabNumber==3`,
      `currentCustomer.slabName!="Normal"`,
      `currentTxn.value%100<10`,
      `currentTxn.discount<=(((currentTxn.value+currentTxn.discount)*40)/100)`,
      `currentTrackerCondition.trackerCurrAggr<12000`,
      `currentTxn.pointsForUserGroup > 200`,
      `currentTxn.currencyAwarded("miles") >= 100`,
      `currentUserGroup.name.contains("Corp")`,
      `currentCustomer.joinDate.isWeekday()`,
      `currentEvent.isGroupProgramRedemption==true`,
    ]) {
      expect(parse(source).diagnostics, source).toEqual([]);
    }
  });

  it("applies the precedence of SPEC §5.3: * / % over + - over comparisons over && over ||", () => {
    expect(shape("a || b && c")).toBe("a || b && c");
    expect(tree("a || b && c")).toMatchObject({ operator: "||", right: { operator: "&&" } });
    expect(tree("1 + 2 * 3 == 7")).toMatchObject({ operator: "==", left: { operator: "+", right: { operator: "*" } } });
    expect(tree("(1 + 2) * 3")).toMatchObject({ operator: "*", left: { operator: "+" } });
    expect(tree("10 - 4 - 3")).toMatchObject({ operator: "-", left: { operator: "-" } });
    expect(tree("a % 100 < 10")).toMatchObject({ operator: "<", left: { operator: "%" } });
    expect(tree("!a && b")).toMatchObject({ operator: "&&", left: { kind: "Unary", operator: "!" } });
    expect(tree("-5 < x")).toMatchObject({ left: { kind: "Unary", operator: "-", operand: { kind: "Number", raw: "5" } } });
  });

  it("reads literals: decimals, both quote styles, true/false, Yes/No and null", () => {
    expect(tree("120.50")).toMatchObject({ kind: "Number", raw: "120.50" });
    expect(tree(`'it'`)).toMatchObject({ kind: "String", value: "it" });
    expect(tree(`"a'b"`)).toMatchObject({ kind: "String", value: "a'b" });
    expect(tree("Yes")).toMatchObject({ kind: "Boolean", value: true, spelling: "Yes" });
    expect(tree("No")).toMatchObject({ kind: "Boolean", value: false, spelling: "No" });
    expect(tree("false")).toMatchObject({ kind: "Boolean", value: false });
    expect(tree("null")).toMatchObject({ kind: "Null" });
  });

  it("builds member paths and method calls with arguments and whitespace anywhere", () => {
    const call = tree(`currentCustomer . clusterValueIncludes ( "c" , "v" )`);
    expect(call).toMatchObject({ kind: "Call", method: "clusterValueIncludes", object: { kind: "Identifier", name: "currentCustomer" } });
    expect(call.kind === "Call" && call.args.length).toBe(2);
    expect(tree("x.isNull( )")).toMatchObject({ kind: "Call", method: "isNull", args: [] });
    expect(tree("foo(1)")).toMatchObject({ kind: "Call", object: null, method: "foo" });
  });

  it("records exact source ranges", () => {
    const source = `currentTxn.value  >  10`;
    const ast = tree(source);
    expect(ast.range).toEqual({ start: 0, end: source.length });
    if (ast.kind !== "Binary") throw new Error("expected a comparison");
    expect(ast.operatorRange).toEqual({ start: 18, end: 19 });
    expect(ast.left.range).toEqual({ start: 0, end: 16 });
    expect(ast.left.kind === "Member" && ast.left.propertyRange).toEqual({ start: 11, end: 16 });
    expect(ast.right.range).toEqual({ start: 21, end: 23 });
  });

  it("converts offsets to lines and columns and back", () => {
    const source = "a == 1 &&\n  b == 2";
    expect(lineColumnAt(source, 12)).toEqual({ line: 2, column: 3 });
    expect(offsetAt(source, { line: 2, column: 3 })).toBe(12);
    expect(lineColumnAt(source, 0)).toEqual({ line: 1, column: 1 });
  });
});

describe("parse errors", () => {
  const codes = (source: string) => parse(source).diagnostics.map((d) => d.code);

  it("reports an unterminated string with its range", () => {
    const d = parse(`x == "abc`).diagnostics;
    expect(d).toEqual([expect.objectContaining({ code: "UNTERMINATED_STRING", range: { start: 5, end: 9 } })]);
  });

  it("reports unexpected characters and reads = & | as their doubled operators", () => {
    const r = parse("a = 1 & b | c");
    expect(r.diagnostics.map((d) => d.code)).toEqual(["UNEXPECTED_CHARACTER", "UNEXPECTED_CHARACTER", "UNEXPECTED_CHARACTER"]);
    expect(r.diagnostics[0]?.message).toContain('"=="');
    expect(print(r.ast)).toBe("a == 1 && b || c");
    expect(codes("a # b")).toContain("UNEXPECTED_CHARACTER");
  });

  it("says what was expected", () => {
    const [d] = parse("a == ").diagnostics;
    expect(d?.code).toBe("UNEXPECTED_TOKEN");
    expect(d?.message).toContain("Expected a value");
    expect(parse("(a == 1").diagnostics[0]?.message).toContain('Expected ")"');
    expect(parse("a.").diagnostics[0]?.message).toContain("after");
    expect(parse("a == 1 b").diagnostics[0]?.message).toContain('"&&", "||"');
    expect(parse("").diagnostics[0]?.message).toContain("empty");
    expect(parse("a < b < c").diagnostics[0]?.message).toContain("chained");
  });

  it("recovers and reports several errors in one pass", () => {
    const r = parse(`a == ) || b == "x && c ==`);
    expect(r.diagnostics.length).toBeGreaterThanOrEqual(2);
    const r2 = parse("a == * && b == ) || c ==");
    expect(r2.diagnostics.filter((d) => d.code === "UNEXPECTED_TOKEN").length).toBe(3);
    expect(r2.ast.kind).toBe("Binary");
  });

  it("refuses absurdly deep or long input instead of overflowing the stack", () => {
    expect(codes("(".repeat(5000) + "a" + ")".repeat(5000))).toContain("TOO_COMPLEX");
    expect(codes("!".repeat(5000) + "a")).toContain("TOO_COMPLEX");
    expect(codes(Array.from({ length: 3000 }, () => "a").join(" + "))).toContain("TOO_COMPLEX");
  });

  it("returns a tree or diagnostics for any input and never throws", () => {
    const alphabet = fc.constantFrom(..."ab.()\"'\\ =!<>&|+-*/%,0123456789 Yesnull\n_x".split(""));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: alphabet, maxLength: 60 }), fc.string({ unit: "grapheme", maxLength: 20 })), (source) => {
        const r = parse(source);
        expect(r.ast).toBeDefined();
        for (const d of r.diagnostics) {
          expect(d.range.start).toBeGreaterThanOrEqual(0);
          expect(d.range.end).toBeLessThanOrEqual(source.length);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe("print", () => {
  it("prints canonically with only the needed parentheses", () => {
    expect(shape(`currentTxn.discount<=(((currentTxn.value+currentTxn.discount)*40)/100)`)).toBe(
      "currentTxn.discount <= (currentTxn.value + currentTxn.discount) * 40 / 100",
    );
    expect(shape("a - (b - c)")).toBe("a - (b - c)");
    expect(shape("(a == b) == c")).toBe("(a == b) == c");
    expect(shape("!(a && b)")).toBe("!(a && b)");
    expect(shape(`x.contains( 'say "hi"\\\\' )`)).toBe(`x.contains("say \\"hi\\"\\\\")`);
    expect(shape("(a || b) && c")).toBe("(a || b) && c");
  });

  it("round-trips: parse(print(tree)) gives the same tree", () => {
    fc.assert(
      fc.property(conditionArb, (ast: Expr) => {
        const printed = print(ast);
        const again = parse(printed);
        expect(again.diagnostics).toEqual([]);
        expect(withoutRanges(again.ast)).toEqual(withoutRanges(ast));
        expect(print(again.ast)).toBe(printed);
      }),
      { numRuns: 1500 },
    );
  });
});
