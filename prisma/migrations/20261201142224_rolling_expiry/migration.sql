-- Rolling expiry (issue 11): a lot awarded under a rolling expiry condition keeps its validity
-- period, so a rolling event can move its expiry to the event's date plus that period.

-- AlterTable
ALTER TABLE "PointsLot" ADD COLUMN     "rollingUnit" TEXT,
ADD COLUMN     "rollingValue" INTEGER;

-- Hand-written: both or neither, a positive period, a unit lib/workflows knows.
ALTER TABLE "PointsLot" ADD CONSTRAINT "PointsLot_rolling_period" CHECK (
  ("rollingValue" IS NULL AND "rollingUnit" IS NULL)
  OR ("rollingValue" > 0 AND "rollingUnit" IN ('DAYS', 'MONTHS', 'YEARS'))
);
