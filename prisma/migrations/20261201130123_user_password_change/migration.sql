-- Temporary passwords (issue 7, defect 4): a user an admin created or reset must choose their own
-- password; a password change ends the user's other sessions (the cookie's version no longer matches).
-- AlterTable
ALTER TABLE "User" ADD COLUMN     "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "passwordChangedAt" TIMESTAMP(3),
ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;
