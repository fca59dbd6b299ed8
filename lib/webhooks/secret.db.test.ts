import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { createOrg } from "@/lib/testing/factories";
import { decryptSecret, encryptSecret } from "./secret";
import { createSubscription } from "./subscriptions";

// Issue 10 "Secrets": a webhook's signing secret is encrypted at rest (it must come back in clear
// to sign, so it cannot be hashed). What the database holds, and what the audit log keeps.
describe("webhook signing secrets at rest", () => {
  it("stores only AES-GCM ciphertext of the secret shown once, and audits the subscription without it", async () => {
    const { org } = await createOrg();
    const { subscription, secret } = await createSubscription({
      orgId: org.id, actor: SYSTEM_ACTOR,
      input: { name: "crm", url: "https://93.184.216.34/hook", events: ["tierUpgraded"], headers: {} },
    });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    const row = await db.webhookSubscription.findUniqueOrThrow({ where: { id: subscription.id }, select: { signingSecret: true } });
    expect(row.signingSecret).toMatch(/^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/);
    expect(row.signingSecret).not.toContain(secret);
    expect(row.signingSecret).not.toContain(secret.slice("whsec_".length));
    expect(decryptSecret(row.signingSecret)).toBe(secret);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { orgId: org.id, action: "webhook.create" }, select: { before: true, after: true } });
    expect(JSON.stringify(audit)).not.toContain(secret.slice("whsec_".length));
    expect(JSON.stringify(audit)).not.toContain(row.signingSecret);
  });

  it("uses a fresh nonce each time, and refuses ciphertext that was tampered with", () => {
    const a = encryptSecret("whsec_same");
    const b = encryptSecret("whsec_same");
    expect(a).not.toBe(b);
    expect([decryptSecret(a), decryptSecret(b)]).toEqual(["whsec_same", "whsec_same"]);
    const [version, iv, tag, data] = a.split(":") as [string, string, string, string];
    const flipped = Buffer.from(data, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => decryptSecret([version, iv, tag, flipped.toString("base64url")].join(":"))).toThrow();
    expect(() => decryptSecret("whsec_same")).toThrow("webhook secret is not in the encrypted format");
  });
});
