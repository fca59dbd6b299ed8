-- AlterEnum
ALTER TYPE "GroupStatus" ADD VALUE 'DELETED';

-- AlterTable
ALTER TABLE "FleetHierarchy" ADD COLUMN     "createdBy" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "FleetRole" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "nonAutomatedPointsAggregationRole" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "UserGroup" ADD COLUMN     "createdBy" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE UNIQUE INDEX "FleetHierarchy_one_default_per_org" ON "FleetHierarchy"("orgId") WHERE ("isDefault");

-- CreateIndex
CREATE UNIQUE INDEX "GroupMembership_one_primary_group" ON "GroupMembership"("customerId") WHERE ("primaryMember" AND "exitedAt" IS NULL);

-- CreateIndex
CREATE UNIQUE INDEX "GroupMembership_one_default_group" ON "GroupMembership"("customerId") WHERE ("defaultGroup" AND "exitedAt" IS NULL);



-- ─── Hand-written ───────────────────────────────────────────────────────────────────────────

-- Group ids are shown to external systems as numbers like the vendor's (seed 001 uses 3847940;
-- the demo seed places its family group there, so new groups start above it).
ALTER SEQUENCE "UserGroup_id_seq" RESTART WITH 3848000;
