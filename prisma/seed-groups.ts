// The demo org's user groups (seeds 000 and 001): the user-group extended fields the seed's create
// bodies send, and a family group so Member Care has something to show. Group 3847940 is the id
// seed 001 transfers points to; its primary, 565345942, is the customer who transfers there.
// Idempotent: found by natural keys first.
import type { PrismaClient } from "@/lib/generated/prisma/client";

export const DEMO_GROUP_FIELDS = [
  { name: "ug_status", type: "ENUM", allowedValues: ["Active", "Inactive"], description: "The group's status as the integration tracks it (seed 000)." },
  { name: "ug_registration_date", type: "DATE", allowedValues: [], description: "When the group registered (seed 000)." },
  { name: "group_avatar_url", type: "STRING", allowedValues: [], description: "Picture shown for the group in apps." },
] as const;

export const DEMO_FAMILY = {
  id: 3847940,
  externalId: "demo_family_001",
  groupName: "Raman Family",
  maxGroupSize: 5,
  extendedFields: { ug_status: "Active", ug_registration_date: "2025-11-10T15:10:00Z" },
  members: [
    { customerId: 565345942, primaryMember: true, permissions: ["allow_points_redemption", "allow_points_transfer"] },
    { customerId: 564662499, primaryMember: false, permissions: ["allow_points_redemption", "allow_points_transfer"] },
    { customerId: 564662501, primaryMember: false, permissions: ["allow_points_redemption"] },
  ],
} as const;

export async function seedGroups(db: PrismaClient, orgId: number): Promise<void> {
  for (const field of DEMO_GROUP_FIELDS) {
    await db.extendedFieldDef.upsert({
      where: { orgId_scope_name: { orgId, scope: "USERGROUP", name: field.name } },
      update: {},
      create: { orgId, scope: "USERGROUP", name: field.name, type: field.type, allowedValues: [...field.allowedValues], description: field.description },
    });
  }
  const family = DEMO_FAMILY;
  if (await db.userGroup.findFirst({ where: { orgId, externalId: family.externalId }, select: { id: true } })) return;
  const ids = family.members.map((m) => m.customerId);
  const present = await db.customer.count({ where: { orgId, id: { in: ids } } });
  if (present !== ids.length) {
    console.warn(`[seed] the demo family group needs customers ${ids.join(", ")}; skipped`);
    return;
  }
  await db.$transaction(async (tx) => {
    await tx.userGroup.create({
      data: { id: family.id, orgId, externalId: family.externalId, groupName: family.groupName, maxGroupSize: family.maxGroupSize, extendedFields: family.extendedFields, createdBy: "seed" },
    });
    for (const m of family.members) {
      await tx.groupMembership.create({ data: { orgId, groupId: family.id, customerId: m.customerId, primaryMember: m.primaryMember, permissions: [...m.permissions], defaultGroup: true } });
    }
  });
}
