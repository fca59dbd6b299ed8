import { describe, expect, it } from "vitest";
import { parseBasic } from "./api-client";

describe("parseBasic", () => {
  const encode = (s: string) => `Basic ${Buffer.from(s).toString("base64")}`;

  it("reads client id and secret; the secret may contain colons", () => {
    expect(parseBasic(encode("demo-pos:se:cret"))).toEqual({ clientId: "demo-pos", secret: "se:cret" });
  });

  it("refuses missing, non-Basic and id-less headers", () => {
    expect(parseBasic(null)).toBeNull();
    expect(parseBasic("Bearer abc")).toBeNull();
    expect(parseBasic(encode(":secret"))).toBeNull();
    expect(parseBasic(encode("no-colon"))).toBeNull();
  });
});
