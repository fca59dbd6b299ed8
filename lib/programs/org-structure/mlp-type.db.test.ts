import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createOrg } from "@/lib/testing/factories";
import { adminActorOf } from "@/lib/testing/org-structure-factories";
import { setMlpType } from "./mlp-type";
import { getMlpState } from "./queries";

describe("setMlpType", () => {
  it("sets the type once, with when, and audits the choice", async () => {
    const { org } = await createOrg();
    const actor = await adminActorOf(org.id);
    expect(await getMlpState({ orgId: org.id })).toEqual({ mlpType: null, mlpTypeSetAt: null });

    const result = await setMlpType({ orgId: org.id, actor, mlpType: "ZONE" });
    const state = await getMlpState({ orgId: org.id });
    expect(state.mlpType).toBe("ZONE");
    expect(state.mlpTypeSetAt).toEqual(result.mlpTypeSetAt);

    const entry = await db.auditEntry.findFirstOrThrow({ where: { orgId: org.id, action: "org.setMlpType" } });
    expect(entry).toMatchObject({ entityType: "Org", entityId: String(org.id), actorLabel: actor.label, before: { mlpType: null } });
    expect(entry.after).toMatchObject({ mlpType: "ZONE" });
  });

  it("refuses a second choice with a 409, even the same type, and changes nothing", async () => {
    const { org } = await createOrg();
    const actor = await adminActorOf(org.id);
    await setMlpType({ orgId: org.id, actor, mlpType: "CONCEPT" });
    for (const mlpType of ["CARD_SERIES", "CONCEPT"] as const) {
      await expect(setMlpType({ orgId: org.id, actor, mlpType })).rejects.toMatchObject({
        kind: "CONFLICT",
        status: 409,
        message: "The multi-loyalty-program type is already concept and cannot be changed.",
      });
    }
    expect((await getMlpState({ orgId: org.id })).mlpType).toBe("CONCEPT");
    expect(await db.auditEntry.count({ where: { orgId: org.id, action: "org.setMlpType" } })).toBe(1);
  });

  it("lets exactly one of two racing choices win", async () => {
    const { org } = await createOrg();
    const actor = await adminActorOf(org.id);
    const results = await Promise.allSettled([
      setMlpType({ orgId: org.id, actor, mlpType: "ZONE" }),
      setMlpType({ orgId: org.id, actor, mlpType: "CARD_SERIES" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const winner = results.find((r) => r.status === "fulfilled");
    expect((await getMlpState({ orgId: org.id })).mlpType).toBe(winner?.status === "fulfilled" ? winner.value.mlpType : "none");
    expect(await db.auditEntry.count({ where: { orgId: org.id, action: "org.setMlpType" } })).toBe(1);
  });

  it("touches only the caller's org", async () => {
    const { org } = await createOrg();
    const other = await createOrg();
    await setMlpType({ orgId: org.id, actor: await adminActorOf(org.id), mlpType: "ZONE" });
    expect((await getMlpState({ orgId: other.org.id })).mlpType).toBeNull();
  });
});
