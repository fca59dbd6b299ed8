import { describe, expect, it } from "vitest";
import { createConsoleUserSchema } from "./users-schema";

describe("createConsoleUserSchema", () => {
  it("trims the name and lower-cases the email", () => {
    expect(createConsoleUserSchema.parse({ name: " Dana ", email: " Dana@Shop.COM ", role: "VIEWER" })).toEqual({
      name: "Dana",
      email: "dana@shop.com",
      role: "VIEWER",
    });
  });

  it("explains a bad email, a missing name and an unknown role", () => {
    const result = createConsoleUserSchema.safeParse({ name: "", email: "not-an-email", role: "OWNER" });
    const messages = Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
    expect(messages.name).toMatch(/Enter the person's name/);
    expect(messages.email).toMatch(/valid email/);
    expect(messages.role).toMatch(/Choose a role/);
  });
});
