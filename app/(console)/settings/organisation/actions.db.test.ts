import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/users";
import { getMlpState, listOrgUnits } from "@/lib/programs/org-structure/queries";
import { createOrg, createUser } from "@/lib/testing/factories";
import { createStructure } from "@/lib/testing/org-structure-factories";

// The actions are reachable by direct POST, whatever the page shows: only the role matrix stands
// between a program manager and a change. The session is the one thing faked here (there is no
// browser); the actions then run for real against the database.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));

const { createOrgUnitAction, setMlpTypeAction, setOrgUnitActiveAction, updateOrgUnitAction } = await import("./actions");

async function signIn(role: Role) {
  const { org } = await createOrg();
  const { user } = await createUser(org.id, role);
  session.user = { id: user.id, orgId: org.id, orgName: org.name, email: user.email, name: user.name, role, mustChangePassword: false, sessionVersion: 0 };
  return org.id;
}

beforeEach(() => {
  session.user = null;
});

describe("organisation actions", () => {
  it("refuse a program manager, a viewer and a signed-out caller, changing nothing", async () => {
    for (const role of ["PROGRAM_MANAGER", "VIEWER"] as const) {
      const orgId = await signIn(role);
      const { zone } = await createStructure(orgId);
      const results = await Promise.all([
        createOrgUnitAction({ kind: "zone", code: "HACK", name: "Hack" }),
        updateOrgUnitAction({ kind: "zone", id: zone.id, code: "HACK", name: "Hack" }),
        setOrgUnitActiveAction({ kind: "zone", id: zone.id, active: false }),
        setMlpTypeAction({ mlpType: "ZONE" }),
      ]);
      for (const result of results) expect(result).toEqual({ ok: false, error: { code: "FORBIDDEN", message: "Your role does not allow this." } });
      const zones = await listOrgUnits({ orgId, kind: "zone", page: 1 });
      expect(zones.rows).toEqual([expect.objectContaining({ id: zone.id, code: zone.code, active: true })]);
      expect((await getMlpState({ orgId })).mlpType).toBeNull();
    }
    session.user = null;
    expect(await createOrgUnitAction({ kind: "zone", code: "HACK", name: "Hack" })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });

  it("let an admin create in their own org, with field errors for bad input and duplicates", async () => {
    const orgId = await signIn("ADMIN");
    expect(await createOrgUnitAction({ kind: "zone", code: "west", name: "West" })).toMatchObject({ ok: true, data: { code: "WEST" } });
    expect((await listOrgUnits({ orgId, kind: "zone", page: 1 })).rows.map((z) => z.code)).toEqual(["WEST"]);

    expect(await createOrgUnitAction({ kind: "zone", code: "WEST", name: "Again" })).toEqual({
      ok: false,
      error: { code: "CONFLICT", message: "A zone with code WEST already exists.", fieldErrors: { code: "A zone with code WEST already exists." } },
    });
    expect(await createOrgUnitAction({ kind: "store", code: "bad code", name: "", zoneId: "", conceptId: "" })).toMatchObject({
      ok: false,
      error: {
        code: "VALIDATION",
        fieldErrors: { code: "Use only letters, digits, hyphens (-) and underscores (_).", name: "Enter a name.", zoneId: "Choose a zone.", conceptId: "Choose a concept." },
      },
    });
    expect(await setMlpTypeAction({ mlpType: "CARD_SERIES" })).toMatchObject({ ok: true, data: { mlpType: "CARD_SERIES" } });
    expect(await setMlpTypeAction({ mlpType: "ZONE" })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect((await getMlpState({ orgId })).mlpType).toBe("CARD_SERIES");
  });
});
