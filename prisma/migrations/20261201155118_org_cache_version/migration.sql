-- A counter per org that changes whenever anything the hot path caches per org changes (configs,
-- programs and their mappings, the org structure, declared fields, strategies, workflow versions,
-- tiers, webhook subscriptions). The API reads it with the API client (one query), so every app
-- instance drops its cached copy of the org's setup at once after a change (lib/org/cache.ts).
ALTER TABLE "Org" ADD COLUMN "cacheVersion" BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION org_cache_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE "Org" SET "cacheVersion" = "cacheVersion" + 1 WHERE id = OLD."orgId";
  ELSE
    UPDATE "Org" SET "cacheVersion" = "cacheVersion" + 1 WHERE id = NEW."orgId";
    IF TG_OP = 'UPDATE' AND OLD."orgId" IS DISTINCT FROM NEW."orgId" THEN
      UPDATE "Org" SET "cacheVersion" = "cacheVersion" + 1 WHERE id = OLD."orgId";
    END IF;
  END IF;
  RETURN NULL;
END $$;

-- The org's own columns (its MLP type) count too; the bump itself must not count twice.
CREATE FUNCTION org_cache_bump_self() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."cacheVersion" = OLD."cacheVersion" THEN NEW."cacheVersion" := OLD."cacheVersion" + 1; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "Org_cache_bump_self" BEFORE UPDATE ON "Org" FOR EACH ROW EXECUTE FUNCTION org_cache_bump_self();

CREATE TRIGGER "OrgConfig_cache_bump" AFTER INSERT OR UPDATE OR DELETE ON "OrgConfig" FOR EACH ROW EXECUTE FUNCTION org_cache_bump();
CREATE TRIGGER "Zone_cache_bump" AFTER INSERT OR UPDATE OR DELETE ON "Zone" FOR EACH ROW EXECUTE FUNCTION org_cache_bump();
CREATE TRIGGER "Concept_cache_bump" AFTER INSERT OR UPDATE OR DELETE ON "Concept" FOR EACH ROW EXECUTE FUNCTION org_cache_bump();
CREATE TRIGGER "CardSeries_cache_bump" AFTER INSERT OR UPDATE OR DELETE ON "CardSeries" FOR EACH ROW EXECUTE FUNCTION org_cache_bump();
CREATE TRIGGER "Store_cache_bump" AFTER INSERT OR UPDATE OR DELETE ON "Store" FOR EACH ROW EXECUTE FUNCTION org_cache_bump();
CREATE TRIGGER "Till_cache_bump" AFTER INSERT OR UPDATE OR DELETE ON "Till" FOR EACH ROW EXECUTE FUNCTION org_cache_bump();
CREATE TRIGGER "Program_cache_bump" AFTER INSERT OR UPDATE OR DELETE ON "Program" FOR EACH ROW EXECUTE FUNCTION org_cache_bump();
CREATE TRIGGER "ProgramEntity_cache_bump" AFTER INSERT OR UPDATE OR DELETE ON "ProgramEntity" FOR EACH ROW EXECUTE FUNCTION org_cache_bump();
CREATE TRIGGER "PointsStrategy_cache_bump" AFTER INSERT OR UPDATE OR DELETE ON "PointsStrategy" FOR EACH ROW EXECUTE FUNCTION org_cache_bump();
CREATE TRIGGER "ExtendedFieldDef_cache_bump" AFTER INSERT OR UPDATE OR DELETE ON "ExtendedFieldDef" FOR EACH ROW EXECUTE FUNCTION org_cache_bump();
CREATE TRIGGER "WorkflowVersion_cache_bump" AFTER INSERT OR UPDATE OR DELETE ON "WorkflowVersion" FOR EACH ROW EXECUTE FUNCTION org_cache_bump();
CREATE TRIGGER "Tier_cache_bump" AFTER INSERT OR UPDATE OR DELETE ON "Tier" FOR EACH ROW EXECUTE FUNCTION org_cache_bump();
CREATE TRIGGER "WebhookSubscription_cache_bump" AFTER INSERT OR UPDATE OR DELETE ON "WebhookSubscription" FOR EACH ROW EXECUTE FUNCTION org_cache_bump();
