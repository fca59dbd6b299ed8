-- Member Care and the programs overview (issue 9): the customer page's Audit tab reads one entity's
-- entries newest first; the group page's ledger names who redeemed each debit (the redemption
-- holding the movement); the programs overview counts the customer accounts posted to in a window.

-- DropIndex
DROP INDEX "AuditEntry_orgId_entityType_entityId_idx";

-- CreateIndex
CREATE INDEX "AuditEntry_orgId_entityType_entityId_at_idx" ON "AuditEntry"("orgId", "entityType", "entityId", "at" DESC);

-- CreateIndex
CREATE INDEX "PointsRedemption_movementIds_idx" ON "PointsRedemption" USING GIN ("movementIds");

-- CreateIndex
CREATE INDEX "Posting_orgId_createdAt_accountId_idx" ON "Posting"("orgId", "createdAt", "accountId");


