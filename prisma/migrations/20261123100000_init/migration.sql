-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "MlpType" AS ENUM ('ZONE', 'CONCEPT', 'CARD_SERIES');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'PROGRAM_MANAGER', 'MEMBER_CARE', 'VIEWER');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('USER', 'API_CLIENT', 'SYSTEM');

-- CreateEnum
CREATE TYPE "StrategyKind" AS ENUM ('ALLOCATION', 'EXPIRY', 'REDEMPTION');

-- CreateEnum
CREATE TYPE "FieldScope" AS ENUM ('TRANSACTION', 'CUSTOMER', 'USERGROUP');

-- CreateEnum
CREATE TYPE "FieldType" AS ENUM ('STRING', 'NUMBER', 'BOOLEAN', 'DATE', 'ENUM');

-- CreateEnum
CREATE TYPE "IdentifierType" AS ENUM ('MOBILE', 'EMAIL', 'EXTERNAL_ID', 'CARD_NUMBER', 'CARD_EXTERNAL_ID');

-- CreateEnum
CREATE TYPE "TransactionType" AS ENUM ('REGULAR', 'RETURN');

-- CreateEnum
CREATE TYPE "GroupStatus" AS ENUM ('ACTIVE', 'INACTIVE');

-- CreateEnum
CREATE TYPE "WorkflowState" AS ENUM ('DRAFT', 'LIVE', 'RETIRED');

-- CreateEnum
CREATE TYPE "AccountOwner" AS ENUM ('CUSTOMER', 'USERGROUP', 'SYSTEM');

-- CreateEnum
CREATE TYPE "SystemAccountKind" AS ENUM ('ISSUANCE', 'REDEMPTION', 'EXPIRY', 'ADJUSTMENT');

-- CreateEnum
CREATE TYPE "MovementKind" AS ENUM ('EARN', 'REDEEM', 'TRANSFER', 'EXPIRE', 'ADJUST', 'REVERSE', 'RETURN');

-- CreateEnum
CREATE TYPE "LotKind" AS ENUM ('REGULAR', 'PROMOTIONAL');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- CreateTable
CREATE TABLE "Org" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "mlpType" "MlpType",
    "mlpTypeSetAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Org_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lastLoginAt" TIMESTAMP(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiClient" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "clientId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "tillId" INTEGER,
    "scopes" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" INTEGER,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiClient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrgConfig" (
    "orgId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" INTEGER,

    CONSTRAINT "OrgConfig_pkey" PRIMARY KEY ("orgId","key")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "actorType" "ActorType" NOT NULL,
    "actorId" INTEGER,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Zone" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Zone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Concept" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Concept_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CardSeries" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CardSeries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Store" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "zoneId" INTEGER NOT NULL,
    "conceptId" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Store_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Till" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "storeId" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Till_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Program" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT false,
    "pointsToCurrencyRatio" DECIMAL(20,10) NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Program_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgramContributor" (
    "programId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "orgId" INTEGER NOT NULL,

    CONSTRAINT "ProgramContributor_pkey" PRIMARY KEY ("programId","userId")
);

-- CreateTable
CREATE TABLE "ProgramEntity" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "programId" INTEGER NOT NULL,
    "entityType" "MlpType" NOT NULL,
    "entityId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgramEntity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PointsStrategy" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "programId" INTEGER NOT NULL,
    "kind" "StrategyKind" NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "config" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PointsStrategy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExtendedFieldDef" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "scope" "FieldScope" NOT NULL,
    "name" TEXT NOT NULL,
    "type" "FieldType" NOT NULL,
    "allowedValues" TEXT[],
    "description" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExtendedFieldDef_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Customer" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "firstName" TEXT NOT NULL DEFAULT '',
    "lastName" TEXT NOT NULL DEFAULT '',
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "registeredTill" INTEGER,
    "extendedFields" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerIdentifier" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "customerId" INTEGER NOT NULL,
    "type" "IdentifierType" NOT NULL,
    "value" TEXT NOT NULL,
    "cardSeriesId" INTEGER,
    "status" TEXT,
    "statusReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerIdentifier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgramEnrollment" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "programId" INTEGER NOT NULL,
    "customerId" INTEGER NOT NULL,
    "tierId" INTEGER,
    "tierExpiresAt" TIMESTAMP(3),
    "lifetimePurchases" DECIMAL(20,4) NOT NULL DEFAULT 0,
    "lifetimePoints" DECIMAL(20,4) NOT NULL DEFAULT 0,
    "visits" INTEGER NOT NULL DEFAULT 0,
    "enrolledAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgramEnrollment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Transaction" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "customerId" INTEGER NOT NULL,
    "tillId" INTEGER,
    "type" "TransactionType" NOT NULL,
    "number" TEXT NOT NULL,
    "amount" DECIMAL(20,4) NOT NULL,
    "grossAmount" DECIMAL(20,4),
    "discount" DECIMAL(20,4) NOT NULL DEFAULT 0,
    "billedAt" TIMESTAMP(3) NOT NULL,
    "extendedFields" JSONB NOT NULL DEFAULT '{}',
    "lineItems" JSONB NOT NULL DEFAULT '[]',
    "programIds" INTEGER[],
    "originalId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Transaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserGroup" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "externalId" TEXT NOT NULL,
    "groupName" TEXT NOT NULL DEFAULT '',
    "maxGroupSize" INTEGER NOT NULL,
    "status" "GroupStatus" NOT NULL DEFAULT 'ACTIVE',
    "extendedFields" JSONB NOT NULL DEFAULT '{}',
    "companyId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UserGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupMembership" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "groupId" INTEGER NOT NULL,
    "customerId" INTEGER NOT NULL,
    "primaryMember" BOOLEAN NOT NULL DEFAULT false,
    "permissions" TEXT[],
    "defaultGroup" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "exitedAt" TIMESTAMP(3),

    CONSTRAINT "GroupMembership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FleetHierarchy" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "autoGroupCreationEnabled" BOOLEAN NOT NULL DEFAULT false,
    "hierarchyCreationStrict" BOOLEAN NOT NULL DEFAULT true,
    "skipRoleAllowed" BOOLEAN NOT NULL DEFAULT false,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FleetHierarchy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FleetRole" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "hierarchyId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL,
    "childRoleCode" TEXT,
    "maxChild" INTEGER,
    "pointsAggregationRole" BOOLEAN NOT NULL DEFAULT false,
    "permissions" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "FleetRole_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FleetCompany" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "hierarchyId" INTEGER NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FleetCompany_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerAssociation" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "customerId" INTEGER NOT NULL,
    "hierarchyId" INTEGER NOT NULL,
    "roleId" INTEGER NOT NULL,
    "companyId" INTEGER,
    "parentCustomerId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerAssociation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkflowVersion" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "programId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "state" "WorkflowState" NOT NULL,
    "document" JSONB NOT NULL,
    "authorId" INTEGER,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "WorkflowVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tier" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "programId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "threshold" DECIMAL(20,4) NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Tier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TierChange" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "programId" INTEGER NOT NULL,
    "customerId" INTEGER,
    "userGroupId" INTEGER,
    "fromTierId" INTEGER,
    "toTierId" INTEGER,
    "action" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "expiresAt" TIMESTAMP(3),
    "actorType" "ActorType" NOT NULL,
    "actorId" INTEGER,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TierChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PointsAccount" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "programId" INTEGER NOT NULL,
    "ownerType" "AccountOwner" NOT NULL,
    "ownerId" INTEGER,
    "systemKind" "SystemAccountKind",
    "balance" DECIMAL(20,4) NOT NULL DEFAULT 0,
    "allowNegative" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PointsAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Movement" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "programId" INTEGER NOT NULL,
    "kind" "MovementKind" NOT NULL,
    "idempotencyKey" TEXT,
    "requestHash" TEXT,
    "response" JSONB,
    "sourceType" TEXT NOT NULL,
    "sourceRef" TEXT,
    "transactionId" INTEGER,
    "workflowVersionId" INTEGER,
    "conditionId" TEXT,
    "actorType" "ActorType" NOT NULL,
    "actorId" INTEGER,
    "notes" TEXT NOT NULL DEFAULT '',
    "reversesId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Movement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Posting" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "movementId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL,
    "amount" DECIMAL(20,4) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Posting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PointsLot" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL,
    "movementId" INTEGER NOT NULL,
    "kind" "LotKind" NOT NULL DEFAULT 'REGULAR',
    "amount" DECIMAL(20,4) NOT NULL,
    "remaining" DECIMAL(20,4) NOT NULL,
    "earnedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3),

    CONSTRAINT "PointsLot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LotConsumption" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "lotId" INTEGER NOT NULL,
    "movementId" INTEGER NOT NULL,
    "amount" DECIMAL(20,4) NOT NULL,

    CONSTRAINT "LotConsumption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiIdempotency" (
    "orgId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "responseStatus" INTEGER NOT NULL,
    "responseBody" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiIdempotency_pkey" PRIMARY KEY ("orgId","key")
);

-- CreateTable
CREATE TABLE "WebhookSubscription" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "url" TEXT NOT NULL,
    "signingSecret" TEXT NOT NULL,
    "events" TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "subscriptionId" INTEGER,
    "eventName" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMP(3),

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Org_slug_key" ON "Org"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_orgId_role_idx" ON "User"("orgId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "ApiClient_clientId_key" ON "ApiClient"("clientId");

-- CreateIndex
CREATE INDEX "ApiClient_orgId_createdAt_idx" ON "ApiClient"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_orgId_at_idx" ON "AuditEntry"("orgId", "at" DESC);

-- CreateIndex
CREATE INDEX "AuditEntry_orgId_entityType_entityId_idx" ON "AuditEntry"("orgId", "entityType", "entityId");

-- CreateIndex
CREATE UNIQUE INDEX "Zone_orgId_code_key" ON "Zone"("orgId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Concept_orgId_code_key" ON "Concept"("orgId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "CardSeries_orgId_code_key" ON "CardSeries"("orgId", "code");

-- CreateIndex
CREATE INDEX "Store_zoneId_idx" ON "Store"("zoneId");

-- CreateIndex
CREATE INDEX "Store_conceptId_idx" ON "Store"("conceptId");

-- CreateIndex
CREATE UNIQUE INDEX "Store_orgId_code_key" ON "Store"("orgId", "code");

-- CreateIndex
CREATE INDEX "Till_storeId_idx" ON "Till"("storeId");

-- CreateIndex
CREATE UNIQUE INDEX "Till_orgId_code_key" ON "Till"("orgId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Program_orgId_name_key" ON "Program"("orgId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Program_one_default_per_org" ON "Program"("orgId") WHERE ("isDefault");

-- CreateIndex
CREATE INDEX "ProgramContributor_userId_idx" ON "ProgramContributor"("userId");

-- CreateIndex
CREATE INDEX "ProgramEntity_programId_idx" ON "ProgramEntity"("programId");

-- CreateIndex
CREATE UNIQUE INDEX "ProgramEntity_orgId_entityType_entityId_key" ON "ProgramEntity"("orgId", "entityType", "entityId");

-- CreateIndex
CREATE UNIQUE INDEX "PointsStrategy_programId_kind_name_key" ON "PointsStrategy"("programId", "kind", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ExtendedFieldDef_orgId_scope_name_key" ON "ExtendedFieldDef"("orgId", "scope", "name");

-- CreateIndex
CREATE INDEX "Customer_orgId_lastName_firstName_idx" ON "Customer"("orgId", "lastName", "firstName");

-- CreateIndex
CREATE INDEX "Customer_orgId_createdAt_idx" ON "Customer"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "CustomerIdentifier_customerId_idx" ON "CustomerIdentifier"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerIdentifier_orgId_type_value_key" ON "CustomerIdentifier"("orgId", "type", "value");

-- CreateIndex
CREATE INDEX "ProgramEnrollment_customerId_idx" ON "ProgramEnrollment"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "ProgramEnrollment_programId_customerId_key" ON "ProgramEnrollment"("programId", "customerId");

-- CreateIndex
CREATE INDEX "Transaction_customerId_billedAt_idx" ON "Transaction"("customerId", "billedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Transaction_orgId_type_number_key" ON "Transaction"("orgId", "type", "number");

-- CreateIndex
CREATE INDEX "UserGroup_orgId_groupName_idx" ON "UserGroup"("orgId", "groupName");

-- CreateIndex
CREATE UNIQUE INDEX "UserGroup_orgId_externalId_key" ON "UserGroup"("orgId", "externalId");

-- CreateIndex
CREATE INDEX "GroupMembership_customerId_idx" ON "GroupMembership"("customerId");

-- CreateIndex
CREATE INDEX "GroupMembership_groupId_joinedAt_idx" ON "GroupMembership"("groupId", "joinedAt");

-- CreateIndex
CREATE UNIQUE INDEX "GroupMembership_one_primary" ON "GroupMembership"("groupId") WHERE ("primaryMember" AND "exitedAt" IS NULL);

-- CreateIndex
CREATE UNIQUE INDEX "GroupMembership_one_current" ON "GroupMembership"("groupId", "customerId") WHERE ("exitedAt" IS NULL);

-- CreateIndex
CREATE UNIQUE INDEX "FleetHierarchy_orgId_code_key" ON "FleetHierarchy"("orgId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "FleetRole_hierarchyId_code_key" ON "FleetRole"("hierarchyId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "FleetCompany_orgId_externalId_key" ON "FleetCompany"("orgId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerAssociation_customerId_key" ON "CustomerAssociation"("customerId");

-- CreateIndex
CREATE INDEX "CustomerAssociation_parentCustomerId_idx" ON "CustomerAssociation"("parentCustomerId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowVersion_programId_number_key" ON "WorkflowVersion"("programId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowVersion_one_draft" ON "WorkflowVersion"("programId") WHERE (state = 'DRAFT');

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowVersion_one_live" ON "WorkflowVersion"("programId") WHERE (state = 'LIVE');

-- CreateIndex
CREATE UNIQUE INDEX "Tier_programId_number_key" ON "Tier"("programId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Tier_programId_name_key" ON "Tier"("programId", "name");

-- CreateIndex
CREATE INDEX "TierChange_orgId_customerId_at_idx" ON "TierChange"("orgId", "customerId", "at" DESC);

-- CreateIndex
CREATE INDEX "PointsAccount_orgId_ownerType_ownerId_idx" ON "PointsAccount"("orgId", "ownerType", "ownerId");

-- CreateIndex
CREATE UNIQUE INDEX "PointsAccount_ownerType_ownerId_programId_key" ON "PointsAccount"("ownerType", "ownerId", "programId");

-- CreateIndex
CREATE UNIQUE INDEX "PointsAccount_one_system_account" ON "PointsAccount"("programId", "systemKind") WHERE ("systemKind" IS NOT NULL);

-- CreateIndex
CREATE INDEX "Movement_orgId_createdAt_idx" ON "Movement"("orgId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Movement_programId_kind_createdAt_idx" ON "Movement"("programId", "kind", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Movement_orgId_idempotencyKey_key" ON "Movement"("orgId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "Posting_accountId_createdAt_idx" ON "Posting"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "Posting_movementId_idx" ON "Posting"("movementId");

-- CreateIndex
CREATE INDEX "PointsLot_open_fefo" ON "PointsLot"("accountId", "expiresAt", "earnedAt", "id") WHERE (remaining > 0);

-- CreateIndex
CREATE INDEX "PointsLot_expiry_sweep" ON "PointsLot"("orgId", "expiresAt") WHERE (remaining > 0 AND "expiresAt" IS NOT NULL);

-- CreateIndex
CREATE INDEX "LotConsumption_lotId_idx" ON "LotConsumption"("lotId");

-- CreateIndex
CREATE INDEX "LotConsumption_movementId_idx" ON "LotConsumption"("movementId");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_eventId_key" ON "WebhookDelivery"("eventId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_due" ON "WebhookDelivery"("status", "nextAttemptAt") WHERE (status = 'PENDING');

-- CreateIndex
CREATE INDEX "WebhookDelivery_orgId_createdAt_idx" ON "WebhookDelivery"("orgId", "createdAt");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiClient" ADD CONSTRAINT "ApiClient_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiClient" ADD CONSTRAINT "ApiClient_tillId_fkey" FOREIGN KEY ("tillId") REFERENCES "Till"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrgConfig" ADD CONSTRAINT "OrgConfig_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Zone" ADD CONSTRAINT "Zone_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Concept" ADD CONSTRAINT "Concept_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CardSeries" ADD CONSTRAINT "CardSeries_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Store" ADD CONSTRAINT "Store_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Store" ADD CONSTRAINT "Store_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "Zone"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Store" ADD CONSTRAINT "Store_conceptId_fkey" FOREIGN KEY ("conceptId") REFERENCES "Concept"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Till" ADD CONSTRAINT "Till_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Till" ADD CONSTRAINT "Till_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Program" ADD CONSTRAINT "Program_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramContributor" ADD CONSTRAINT "ProgramContributor_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramContributor" ADD CONSTRAINT "ProgramContributor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramEntity" ADD CONSTRAINT "ProgramEntity_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsStrategy" ADD CONSTRAINT "PointsStrategy_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExtendedFieldDef" ADD CONSTRAINT "ExtendedFieldDef_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerIdentifier" ADD CONSTRAINT "CustomerIdentifier_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerIdentifier" ADD CONSTRAINT "CustomerIdentifier_cardSeriesId_fkey" FOREIGN KEY ("cardSeriesId") REFERENCES "CardSeries"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramEnrollment" ADD CONSTRAINT "ProgramEnrollment_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramEnrollment" ADD CONSTRAINT "ProgramEnrollment_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramEnrollment" ADD CONSTRAINT "ProgramEnrollment_tierId_fkey" FOREIGN KEY ("tierId") REFERENCES "Tier"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transaction" ADD CONSTRAINT "Transaction_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transaction" ADD CONSTRAINT "Transaction_tillId_fkey" FOREIGN KEY ("tillId") REFERENCES "Till"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserGroup" ADD CONSTRAINT "UserGroup_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserGroup" ADD CONSTRAINT "UserGroup_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "FleetCompany"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupMembership" ADD CONSTRAINT "GroupMembership_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "UserGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupMembership" ADD CONSTRAINT "GroupMembership_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FleetHierarchy" ADD CONSTRAINT "FleetHierarchy_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FleetRole" ADD CONSTRAINT "FleetRole_hierarchyId_fkey" FOREIGN KEY ("hierarchyId") REFERENCES "FleetHierarchy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FleetCompany" ADD CONSTRAINT "FleetCompany_hierarchyId_fkey" FOREIGN KEY ("hierarchyId") REFERENCES "FleetHierarchy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerAssociation" ADD CONSTRAINT "CustomerAssociation_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerAssociation" ADD CONSTRAINT "CustomerAssociation_hierarchyId_fkey" FOREIGN KEY ("hierarchyId") REFERENCES "FleetHierarchy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerAssociation" ADD CONSTRAINT "CustomerAssociation_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "FleetRole"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerAssociation" ADD CONSTRAINT "CustomerAssociation_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "FleetCompany"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowVersion" ADD CONSTRAINT "WorkflowVersion_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tier" ADD CONSTRAINT "Tier_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsAccount" ADD CONSTRAINT "PointsAccount_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Movement" ADD CONSTRAINT "Movement_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Posting" ADD CONSTRAINT "Posting_movementId_fkey" FOREIGN KEY ("movementId") REFERENCES "Movement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Posting" ADD CONSTRAINT "Posting_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "PointsAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsLot" ADD CONSTRAINT "PointsLot_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "PointsAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsLot" ADD CONSTRAINT "PointsLot_movementId_fkey" FOREIGN KEY ("movementId") REFERENCES "Movement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LotConsumption" ADD CONSTRAINT "LotConsumption_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "PointsLot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LotConsumption" ADD CONSTRAINT "LotConsumption_movementId_fkey" FOREIGN KEY ("movementId") REFERENCES "Movement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookSubscription" ADD CONSTRAINT "WebhookSubscription_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "WebhookSubscription"("id") ON DELETE SET NULL ON UPDATE CASCADE;



-- ─── Hand-written: rules Prisma's schema language cannot state (DESIGN.md §3) ───────────────

-- Customer ids are shown to external systems as numbers like the vendor's (5646624xx).
ALTER SEQUENCE "Customer_id_seq" RESTART WITH 564700000;

ALTER TABLE "UserGroup" ADD CONSTRAINT "UserGroup_maxGroupSize_positive" CHECK ("maxGroupSize" > 0);
ALTER TABLE "Tier" ADD CONSTRAINT "Tier_number_positive" CHECK ("number" >= 1);
ALTER TABLE "Program" ADD CONSTRAINT "Program_ratio_positive" CHECK ("pointsToCurrencyRatio" > 0);

-- A system account has a kind and no owner; an owner account has an owner and no kind.
ALTER TABLE "PointsAccount" ADD CONSTRAINT "PointsAccount_owner_shape" CHECK (
  ("ownerType" = 'SYSTEM' AND "systemKind" IS NOT NULL AND "ownerId" IS NULL)
  OR ("ownerType" <> 'SYSTEM' AND "systemKind" IS NULL AND "ownerId" IS NOT NULL)
);
-- Owner balances never go below zero unless the account allows it (group wallets after returns).
ALTER TABLE "PointsAccount" ADD CONSTRAINT "PointsAccount_balance_not_negative" CHECK (
  "balance" >= 0 OR "allowNegative" OR "ownerType" = 'SYSTEM'
);

ALTER TABLE "Posting" ADD CONSTRAINT "Posting_amount_not_zero" CHECK ("amount" <> 0);
ALTER TABLE "PointsLot" ADD CONSTRAINT "PointsLot_amount_positive" CHECK ("amount" > 0);
ALTER TABLE "PointsLot" ADD CONSTRAINT "PointsLot_remaining_within_amount" CHECK ("remaining" >= 0 AND "remaining" <= "amount");
ALTER TABLE "LotConsumption" ADD CONSTRAINT "LotConsumption_amount_positive" CHECK ("amount" > 0);

-- The ledger is append-only: movements, postings and lot consumptions are never changed or
-- removed; a mistake is corrected by a new (reversing) movement.
CREATE FUNCTION ledger_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger rows are append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'check_violation';
END;
$$;

CREATE TRIGGER "Movement_append_only" BEFORE UPDATE OR DELETE ON "Movement"
  FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER "Posting_append_only" BEFORE UPDATE OR DELETE ON "Posting"
  FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER "LotConsumption_append_only" BEFORE UPDATE OR DELETE ON "LotConsumption"
  FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();

-- A lot may only see its `remaining` go down (consumption, expiry) or back up within its amount
-- (a reversal); everything else about it is fixed at creation.
CREATE FUNCTION ledger_lot_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'points lots are never deleted' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."amount" <> OLD."amount" OR NEW."accountId" <> OLD."accountId" OR NEW."movementId" <> OLD."movementId"
     OR NEW."kind" <> OLD."kind" OR NEW."earnedAt" <> OLD."earnedAt" THEN
    RAISE EXCEPTION 'only remaining and expiresAt of a points lot may change' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "PointsLot_guard" BEFORE UPDATE OR DELETE ON "PointsLot"
  FOR EACH ROW EXECUTE FUNCTION ledger_lot_guard();

-- Every movement's postings sum to zero, checked at commit so a movement's postings can be
-- inserted one by one inside its transaction.
CREATE FUNCTION ledger_movement_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  total numeric;
BEGIN
  SELECT COALESCE(SUM("amount"), 0) INTO total FROM "Posting" WHERE "movementId" = NEW."movementId";
  IF total <> 0 THEN
    RAISE EXCEPTION 'movement % is unbalanced: its postings sum to %', NEW."movementId", total
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "Posting_movement_balanced" AFTER INSERT ON "Posting"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION ledger_movement_balanced();
