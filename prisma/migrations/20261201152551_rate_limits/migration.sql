-- AlterTable
ALTER TABLE "ApiClient" ADD COLUMN     "rateLimitPerMinute" INTEGER NOT NULL DEFAULT 600;

-- CreateTable
CREATE TABLE "RateWindow" (
    "bucket" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "hits" INTEGER NOT NULL,

    CONSTRAINT "RateWindow_pkey" PRIMARY KEY ("bucket","windowStart")
);

-- CreateIndex
CREATE INDEX "RateWindow_windowStart_idx" ON "RateWindow"("windowStart");


