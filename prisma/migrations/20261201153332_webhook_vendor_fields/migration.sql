-- AlterTable
ALTER TABLE "WebhookSubscription" ADD COLUMN     "maxAllowedConnections" INTEGER,
ADD COLUMN     "slaInSeconds" INTEGER;
