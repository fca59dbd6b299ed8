-- CreateEnum
CREATE TYPE "CustomerSource" AS ENUM ('INSTORE', 'FACEBOOK', 'WEB_ENGAGE', 'WECHAT', 'MARTJACK', 'TMALL', 'TAOBAO', 'JD', 'ECOMMERCE', 'WEBSITE', 'LINE', 'MOBILE_APP');

-- CreateEnum
CREATE TYPE "LoyaltyType" AS ENUM ('LOYALTY', 'NON_LOYALTY');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "IdentifierType" ADD VALUE 'WECHAT';
ALTER TYPE "IdentifierType" ADD VALUE 'MARTJACK_ID';
ALTER TYPE "IdentifierType" ADD VALUE 'FB_ID';
ALTER TYPE "IdentifierType" ADD VALUE 'TMALL_UNAME';
ALTER TYPE "IdentifierType" ADD VALUE 'CUID';
ALTER TYPE "IdentifierType" ADD VALUE 'UNION_ID';
ALTER TYPE "IdentifierType" ADD VALUE 'ALI_UNAME';
ALTER TYPE "IdentifierType" ADD VALUE 'JD_UNAME';
ALTER TYPE "IdentifierType" ADD VALUE 'VIP_UNAME';
ALTER TYPE "IdentifierType" ADD VALUE 'LINE';
ALTER TYPE "IdentifierType" ADD VALUE 'MOBILE_PUSH';

-- DropIndex
DROP INDEX "CustomerIdentifier_orgId_type_value_key";

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "commChannels" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "loyaltyType" "LoyaltyType" NOT NULL DEFAULT 'LOYALTY',
ADD COLUMN     "mergedIntoId" INTEGER,
ADD COLUMN     "profileFields" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "registeredVia" "CustomerSource" NOT NULL DEFAULT 'INSTORE';

-- AlterTable
ALTER TABLE "CustomerIdentifier" ADD COLUMN     "accountId" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "source" "CustomerSource" NOT NULL DEFAULT 'INSTORE';

-- AlterTable
ALTER TABLE "ProgramEnrollment" ADD COLUMN     "enrolledVia" TEXT NOT NULL DEFAULT 'REGISTRATION';

-- CreateIndex
CREATE INDEX "CustomerIdentifier_orgId_type_value_idx" ON "CustomerIdentifier"("orgId", "type", "value");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerIdentifier_orgId_source_accountId_type_value_key" ON "CustomerIdentifier"("orgId", "source", "accountId", "type", "value");



-- Hand-written ─────────────────────────────────────────────────────────────────────────────
-- Customer ids are the numbers external systems see (the seeds use 5646624xx): new customers
-- continue in that range instead of starting at 1.
ALTER SEQUENCE "Customer_id_seq" RESTART WITH 570000001;

-- A customer is never merged into itself.
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_not_merged_into_self" CHECK ("mergedIntoId" IS NULL OR "mergedIntoId" <> id);
