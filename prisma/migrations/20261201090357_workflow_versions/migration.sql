-- CreateEnum
CREATE TYPE "PublishRequestStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'SUPERSEDED');

-- AlterTable
ALTER TABLE "WorkflowVersion" ADD COLUMN     "authorLabel" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "fieldsSnapshot" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "publishedById" INTEGER,
ADD COLUMN     "publishedByLabel" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "restoredFromNumber" INTEGER,
ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "WorkflowPublishRequest" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "programId" INTEGER NOT NULL,
    "versionId" INTEGER NOT NULL,
    "draftRevision" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "requestedById" INTEGER,
    "requestedByLabel" TEXT NOT NULL DEFAULT '',
    "status" "PublishRequestStatus" NOT NULL DEFAULT 'PENDING',
    "decidedById" INTEGER,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "WorkflowPublishRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "href" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WorkflowPublishRequest_orgId_status_createdAt_idx" ON "WorkflowPublishRequest"("orgId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowPublishRequest_one_pending" ON "WorkflowPublishRequest"("programId") WHERE (status = 'PENDING');

-- CreateIndex
CREATE INDEX "Notice_userId_createdAt_idx" ON "Notice"("userId", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "WorkflowPublishRequest" ADD CONSTRAINT "WorkflowPublishRequest_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "WorkflowVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- Hand-written: a published version is history (DESIGN §2 "LIVE versions are immutable"). Once a
-- version is LIVE or RETIRED its document, number, program and publication stamp never change;
-- the only change allowed is LIVE → RETIRED when a newer version is published. Versions other
-- than drafts are never deleted. (Owned by lib/workflows; the engine relies on it to cache a
-- compiled LIVE version by id.)
CREATE FUNCTION workflow_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."state" <> 'DRAFT' THEN
      RAISE EXCEPTION 'workflow version % is %, and published versions are never deleted', OLD."id", OLD."state"
        USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD."state" = 'DRAFT' THEN
    RETURN NEW;
  END IF;
  IF NEW."document" IS DISTINCT FROM OLD."document" OR NEW."number" <> OLD."number" OR NEW."programId" <> OLD."programId"
     OR NEW."orgId" <> OLD."orgId" OR NEW."fieldsSnapshot" IS DISTINCT FROM OLD."fieldsSnapshot"
     OR NEW."publishedAt" IS DISTINCT FROM OLD."publishedAt" OR NEW."note" <> OLD."note" THEN
    RAISE EXCEPTION 'workflow version % is %: its document is immutable', OLD."id", OLD."state"
      USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."state" <> OLD."state" AND NOT (OLD."state" = 'LIVE' AND NEW."state" = 'RETIRED') THEN
    RAISE EXCEPTION 'workflow version % cannot go from % to %', OLD."id", OLD."state", NEW."state"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "WorkflowVersion_published_immutable" BEFORE UPDATE OR DELETE ON "WorkflowVersion"
  FOR EACH ROW EXECUTE FUNCTION workflow_version_guard();

ALTER TABLE "WorkflowVersion" ADD CONSTRAINT "WorkflowVersion_published_stamped" CHECK (("state" = 'DRAFT') = ("publishedAt" IS NULL));
ALTER TABLE "WorkflowVersion" ADD CONSTRAINT "WorkflowVersion_number_positive" CHECK ("number" > 0);
