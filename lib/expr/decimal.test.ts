import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { add, BigDecimal, compare, decimalToString, divide, equals, multiply, negate, parseDecimal, remainder, subtract, type Decimal } from "./decimal";

const d = (text: string): Decimal => {
  const v = parseDecimal(text);
  if (v === null) throw new Error(`not a decimal: ${text}`);
  return v;
};
const s = (v: Decimal | null) => (v === null ? null : decimalToString(v));

describe("decimal", () => {
  it("adds money without float surprises", () => {
    expect(s(add(0.1, 0.2))).toBe("0.3");
    expect(equals(add(0.1, 0.2), 0.3)).toBe(true);
    expect(s(subtract(0.3, 0.1))).toBe("0.2");
    expect(s(multiply(1.1, 1.1))).toBe("1.21");
    expect(s(multiply(19.99, 3))).toBe("59.97");
    expect(s(remainder(110.1, 100))).toBe("10.1");
    expect(s(remainder(-7, 3))).toBe("-1");
    expect(s(remainder(7.5, 2))).toBe("1.5");
  });

  it("divides to 10 places, halves away from zero, and gives null for zero divisors", () => {
    expect(s(divide(10, 4))).toBe("2.5");
    expect(s(divide(1, 3))).toBe("0.3333333333");
    expect(s(divide(2, 3))).toBe("0.6666666667");
    expect(s(divide(-2, 3))).toBe("-0.6666666667");
    expect(s(divide(4804, 100))).toBe("48.04");
    expect(s(divide(0.3, 0.1))).toBe("3");
    expect(s(divide(1, 8))).toBe("0.125");
    expect(s(divide(120.5, 0.25))).toBe("482");
    expect(s(divide(-7.5, 2))).toBe("-3.75");
    expect(s(divide(1, 1024))).toBe("0.0009765625");
    expect(s(divide(1, 2048))).toBe("0.0004882813");
    expect(divide(1, 0)).toBeNull();
    expect(remainder(1, 0)).toBeNull();
  });

  it("falls back to BigInt beyond double precision and stays exact", () => {
    const big = d("12345678901234567890.12");
    expect(big).toBeInstanceOf(BigDecimal);
    expect(s(add(big, 0.01))).toBe("12345678901234567890.13");
    expect(s(multiply(d("99999999999"), d("99999999999")))).toBe("9999999999800000000001");
    expect(compare(big, 1e20)).toBe(-1);
    expect(equals(d("100000000000000000000"), 1e20)).toBe(true);
    expect(s(add(0.30000000000000004, 0))).toBe("0.30000000000000004");
    expect(s(negate(big))).toBe("-12345678901234567890.12");
  });

  it("parses decimal text and rejects the rest", () => {
    expect(parseDecimal("120.50")).toBe(120.5);
    expect(parseDecimal(" -3 ")).toBe(-3);
    expect(parseDecimal(".5")).toBe(0.5);
    expect(parseDecimal("1e3")).toBe(1000);
    expect(parseDecimal("abc")).toBeNull();
    expect(parseDecimal("")).toBeNull();
    expect(parseDecimal("1e99999")).toBeNull();
  });

  it("agrees with BigInt arithmetic on scaled integers (property)", () => {
    const cents = fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n });
    const asDecimal = (c: bigint) => d(new BigDecimal(c, 2).toString());
    fc.assert(
      fc.property(cents, cents, (a, b) => {
        expect(s(add(asDecimal(a), asDecimal(b)))).toBe(s(d(new BigDecimal(a + b, 2).toString())));
        expect(s(subtract(asDecimal(a), asDecimal(b)))).toBe(s(d(new BigDecimal(a - b, 2).toString())));
        expect(s(multiply(asDecimal(a), asDecimal(b)))).toBe(s(d(new BigDecimal(a * b, 4).toString())));
        if (b !== 0n) expect(s(remainder(asDecimal(a), asDecimal(b)))).toBe(s(d(new BigDecimal(a % b, 2).toString())));
        if (b !== 0n) {
          // Exact BigInt reference: a/b to 10 places, halves away from zero.
          const n = a * 10n ** 10n;
          let q = n / b;
          const r = n % b;
          if ((r < 0n ? -r : r) * 2n >= (b < 0n ? -b : b)) q += (n < 0n) !== (b < 0n) ? -1n : 1n;
          expect(s(divide(asDecimal(a), asDecimal(b)))).toBe(s(d(new BigDecimal(q, 10).toString())));
        }
        expect(compare(asDecimal(a), asDecimal(b))).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
      { numRuns: 2000 },
    );
  });

  it("divides exactly on the fast path when the quotient terminates (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.constantFrom(1, 2, 4, 5, 8, 10, 16, 25, 40, 100, 125, 1000, 3, 7), (cents, divisorCents) => {
        const a = d(new BigDecimal(BigInt(cents), 2).toString());
        const b = d(new BigDecimal(BigInt(divisorCents), 2).toString());
        const n = BigInt(cents) * 10n ** 10n;
        let q = n / BigInt(divisorCents);
        const r = n % BigInt(divisorCents);
        if ((r < 0n ? -r : r) * 2n >= BigInt(divisorCents)) q += n < 0n ? -1n : 1n;
        expect(s(divide(a, b))).toBe(s(d(new BigDecimal(q, 10).toString())));
      }),
      { numRuns: 3000 },
    );
  });
});
