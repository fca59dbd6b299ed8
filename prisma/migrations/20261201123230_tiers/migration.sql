-- CreateEnum
CREATE TYPE "TierBasis" AS ENUM ('LIFETIME_PURCHASES', 'LIFETIME_POINTS');

-- CreateEnum
CREATE TYPE "TierDowngradeRule" AS ENUM ('NEVER', 'ONE_TIER', 'TO_QUALIFYING');

-- AlterTable
ALTER TABLE "Program" ADD COLUMN     "tierBasis" "TierBasis" NOT NULL DEFAULT 'LIFETIME_PURCHASES',
ADD COLUMN     "tierDowngradeRule" "TierDowngradeRule" NOT NULL DEFAULT 'ONE_TIER',
ADD COLUMN     "tierSyncGroupMembers" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "tierValidityMonths" INTEGER;

-- AlterTable
ALTER TABLE "ProgramEnrollment" ADD COLUMN     "tierReassessOnNextActivity" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "tierSince" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Tier" ADD COLUMN     "description" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "renewalThreshold" DECIMAL(20,4);

-- AlterTable
ALTER TABLE "TierChange" ADD COLUMN     "cause" TEXT NOT NULL DEFAULT 'STRATEGY';


-- Rules the database keeps (Prisma cannot say them).
ALTER TABLE "Program" ADD CONSTRAINT "Program_tierValidityMonths_positive" CHECK ("tierValidityMonths" IS NULL OR "tierValidityMonths" > 0);
ALTER TABLE "Tier" ADD CONSTRAINT "Tier_thresholds_not_negative" CHECK ("threshold" >= 0 AND ("renewalThreshold" IS NULL OR "renewalThreshold" >= 0));
