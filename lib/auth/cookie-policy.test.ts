import { describe, expect, it } from "vitest";
import { secureCookies } from "./cookie-policy";

describe("secureCookies", () => {
  it("marks cookies Secure over HTTPS and in production, except a local plain-HTTP run", () => {
    expect(secureCookies({ NODE_ENV: "production", NEXTAUTH_URL: "https://loyalty.example.com" })).toBe(true);
    expect(secureCookies({ NODE_ENV: "production", NEXTAUTH_URL: "http://loyalty.example.com" })).toBe(true);
    expect(secureCookies({ NODE_ENV: "production" })).toBe(true);
    expect(secureCookies({ NODE_ENV: "development", NEXTAUTH_URL: "https://dev.example.com" })).toBe(true);
    expect(secureCookies({ NODE_ENV: "production", NEXTAUTH_URL: "http://localhost:3100" })).toBe(false);
    expect(secureCookies({ NODE_ENV: "production", NEXTAUTH_URL: "http://127.0.0.1:3000" })).toBe(false);
    expect(secureCookies({ NODE_ENV: "development", NEXTAUTH_URL: "http://localhost:3000" })).toBe(false);
  });
});
