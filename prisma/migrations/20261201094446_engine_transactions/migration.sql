-- The engine's transactions (issue 13): a bill number is unique among purchases only; returns carry the original's number.

-- DropIndex
DROP INDEX "Transaction_orgId_type_number_key";

-- AlterTable
ALTER TABLE "Transaction" ADD COLUMN     "returnType" TEXT;

-- CreateIndex
CREATE INDEX "Transaction_originalId_idx" ON "Transaction"("originalId");

-- CreateIndex
CREATE UNIQUE INDEX "Transaction_one_purchase_per_number" ON "Transaction"("orgId", "number") WHERE (type = 'REGULAR');


