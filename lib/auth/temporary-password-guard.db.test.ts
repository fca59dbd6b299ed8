import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { SessionUser } from "@/lib/auth/users";
import { createOrg, createUser } from "@/lib/testing/factories";

// A user on a temporary password may do one thing on the server, whatever the browser sends:
// replace it. The session is faked; the database is real.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));

const { defineAction } = await import("./action");

beforeEach(async () => {
  const { org } = await createOrg();
  const { user } = await createUser(org.id, "ADMIN");
  session.user = { id: user.id, orgId: org.id, orgName: "Org", email: user.email, name: user.name, role: "ADMIN", mustChangePassword: true, sessionVersion: 0 };
});

describe("defineAction for a user on a temporary password", () => {
  it("refuses every action but changing the password, running nothing", async () => {
    const createZone = defineAction("settings:write", z.object({ code: z.string() }), async ({ code }, { orgId }) => db.zone.create({ data: { orgId, code, name: "Z" } }));
    expect(await createZone({ code: "TEMP1" })).toEqual({
      ok: false,
      error: { code: "FORBIDDEN", message: "Choose your own password first: you are signed in with a temporary one." },
    });
    expect(await db.zone.count({ where: { orgId: session.user!.orgId, code: "TEMP1" } })).toBe(0);

    const changePassword = defineAction("account:password", z.object({}), async () => "changed");
    expect(await changePassword({})).toEqual({ ok: true, data: "changed" });
  });

  it("lets the same user act once the password is their own", async () => {
    session.user = { ...session.user!, mustChangePassword: false };
    const read = defineAction("settings:write", z.object({}), async () => "done");
    expect(await read({})).toEqual({ ok: true, data: "done" });
  });
});
