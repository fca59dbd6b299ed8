-- The Strategies tab: whether a program allows points transfers (redemption and expiry
-- strategies are PointsStrategy rows; the points-to-currency ratio was already a column).
ALTER TABLE "Program" ADD COLUMN "pointsTransferAllowed" BOOLEAN NOT NULL DEFAULT true;
