import { decode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { authSecret } from "@/lib/env";
import { createOrg, createUser } from "@/lib/testing/factories";
import { signInResponse } from "./sign-in";

const post = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  signInResponse(new Request("http://localhost:3000/login/submit", { method: "POST", body: new URLSearchParams(fields), headers: { host: "localhost:3000", ...headers } }));

describe("POST /login/submit", () => {
  it("signs in with a plain form post: 303 to where you were going, with next-auth's session cookie", async () => {
    const { org } = await createOrg();
    const { user, password } = await createUser(org.id, "ADMIN");
    const res = await post({ email: user.email, password, callbackUrl: "/settings" }, { origin: "http://localhost:3000" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/settings");
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^next-auth\.session-token=[^;]+; Path=\/; HttpOnly; SameSite=Lax/);
    const token = await decode({ token: cookie.split(";")[0]?.split("=")[1], secret: authSecret() });
    expect(token).toMatchObject({ sub: String(user.id), orgId: org.id, role: "ADMIN", email: user.email, sv: 0 });
  });

  it("sends a user on a temporary password to choose their own first, remembering where they were going", async () => {
    const { org } = await createOrg();
    const { user, password } = await createUser(org.id, "VIEWER");
    await db.user.update({ where: { id: user.id }, data: { mustChangePassword: true, sessionVersion: 3 } });
    const res = await post({ email: user.email, password, callbackUrl: "/member-care" }, { origin: "http://localhost:3000" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/set-password?callbackUrl=%2Fmember-care");
    const token = await decode({ token: res.headers.get("set-cookie")?.split(";")[0]?.split("=")[1], secret: authSecret() });
    // The cookie is issued at the user's current session version, so it is a live session.
    expect(token).toMatchObject({ sub: String(user.id), sv: 3 });
  });

  it("sends a wrong password back to the form with neither the email nor the password in the URL", async () => {
    const { org } = await createOrg();
    const { user } = await createUser(org.id, "VIEWER");
    const res = await post({ email: user.email, password: "wrong-password", callbackUrl: "https://evil.example/x" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/login?error=credentials&callbackUrl=%2Fprograms");
    expect(res.headers.get("set-cookie")).toBeNull();
    const json = await post({ email: user.email, password: "wrong-password" }, { accept: "application/json" });
    expect(json.status).toBe(401);
    expect(await json.json()).toEqual({ error: "Wrong email or password." });
  });

  it("refuses a post from another site (login CSRF)", async () => {
    const { org } = await createOrg();
    const { user, password } = await createUser(org.id, "ADMIN");
    const res = await post({ email: user.email, password }, { origin: "https://evil.example" });
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(res.headers.get("location")).toBe("/login");
  });
});
