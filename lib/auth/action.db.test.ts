import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { DB_MESSAGES } from "@/lib/db/errors";
import type { SessionUser } from "@/lib/auth/users";
import { createOrg, createUser } from "@/lib/testing/factories";

// The action client's other door onto lib/db/errors.ts: a conflict the action did not foresee
// is a message to the user (code CONFLICT), not "Something went wrong". The session is faked;
// the database is real.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));

const { defineAction } = await import("./action");

beforeEach(async () => {
  const { org } = await createOrg();
  const { user } = await createUser(org.id, "ADMIN");
  session.user = { id: user.id, orgId: org.id, orgName: "Org", email: user.email, name: user.name, role: "ADMIN", mustChangePassword: false, sessionVersion: 0 };
});

describe("defineAction and database errors", () => {
  it("turns an unforeseen unique violation into CONFLICT, saving nothing twice", async () => {
    const createTwice = defineAction("settings:write", z.object({ code: z.string() }), async ({ code }, { orgId }) => {
      await db.zone.create({ data: { orgId, code, name: "Z" } });
      await db.zone.create({ data: { orgId, code, name: "Z" } });
    });
    expect(await createTwice({ code: "Z1" })).toEqual({ ok: false, error: { code: "CONFLICT", message: DB_MESSAGES.unique } });
    expect(await db.zone.count({ where: { orgId: session.user!.orgId, code: "Z1" } })).toBe(1);
  });

  it("turns a serialisation failure or deadlock inside a transaction into CONFLICT", async () => {
    for (const state of ["40001", "40P01"]) {
      const racing = defineAction("settings:write", z.object({}), async () =>
        db.$transaction((tx) => tx.$executeRawUnsafe(`DO $$ BEGIN RAISE EXCEPTION 'x' USING ERRCODE = '${state}'; END $$`)),
      );
      expect(await racing({})).toEqual({ ok: false, error: { code: "CONFLICT", message: DB_MESSAGES.conflict } });
    }
  });

  it("still hides a real bug behind INTERNAL", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = defineAction("settings:write", z.object({}), async () => db.$executeRawUnsafe("SELECT * FROM no_such_table"));
    expect(await broken({})).toMatchObject({ ok: false, error: { code: "INTERNAL" } });
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});
