-- Customer-to-customer transfers (issue 11): OTPs (hashed, expiring, a few tries, used once),
-- the outbox that delivers them, and the admin's "trusted for transfers" mark on API clients.

-- AlterTable
ALTER TABLE "ApiClient" ADD COLUMN     "trustedForTransfers" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Otp" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityValue" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "customerId" INTEGER,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 5,
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Otp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "channel" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMP(3),

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Otp_orgId_entityType_entityValue_action_createdAt_idx" ON "Otp"("orgId", "entityType", "entityValue", "action", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "OutboxMessage_due" ON "OutboxMessage"("status", "createdAt") WHERE (status = 'PENDING');
