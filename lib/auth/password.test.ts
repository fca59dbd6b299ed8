import { describe, expect, it } from "vitest";
import { hashSecret, verifySecret } from "./password";

describe("password hashing", () => {
  it("verifies the right secret and refuses a wrong one", async () => {
    const hash = await hashSecret("demo-admin-pass");
    expect(await verifySecret("demo-admin-pass", hash)).toBe(true);
    expect(await verifySecret("demo-admin-pas", hash)).toBe(false);
  });

  it("salts: the same secret hashes differently each time", async () => {
    expect(await hashSecret("same")).not.toBe(await hashSecret("same"));
  });

  it("refuses malformed stored hashes instead of throwing", async () => {
    expect(await verifySecret("x", "plaintext")).toBe(false);
    expect(await verifySecret("x", "bcrypt$1$2$3$4$5")).toBe(false);
  });
});
