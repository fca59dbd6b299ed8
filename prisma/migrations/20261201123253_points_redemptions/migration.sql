-- Redemptions (SPEC §2.3, §2.4; SPEC-vendor-api §D.1, §D.2): what was asked and the movements that paid
-- for it, so a reversal finds them all; reversed at most once (reversedAt, set under the row's lock).

CREATE TABLE "PointsRedemption" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "customerId" INTEGER NOT NULL,
    "programId" INTEGER NOT NULL,
    "groupId" INTEGER,
    "points" DECIMAL(20,4) NOT NULL,
    "transactionNumber" TEXT,
    "externalReferenceNumber" TEXT,
    "notes" TEXT NOT NULL DEFAULT '',
    "movementIds" INTEGER[],
    "reversalIds" INTEGER[],
    "reversedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PointsRedemption_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "PointsRedemption_orgId_customerId_createdAt_idx" ON "PointsRedemption"("orgId", "customerId", "createdAt");
