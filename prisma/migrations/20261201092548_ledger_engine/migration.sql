-- The ledger closes its gaps (issue 13): idempotency per request, not per movement; balances kept by
-- the database as it posts; only a return takes a group wallet below zero; one reversal per movement.

ALTER TABLE "PointsAccount" DROP CONSTRAINT "PointsAccount_balance_not_negative";
ALTER TABLE "LotConsumption" DROP CONSTRAINT "LotConsumption_amount_positive";

-- DropIndex
DROP INDEX "Movement_orgId_idempotencyKey_key";

-- AlterTable
ALTER TABLE "Movement" DROP COLUMN "idempotencyKey",
DROP COLUMN "requestHash",
DROP COLUMN "response";

-- AlterTable
ALTER TABLE "PointsAccount" DROP COLUMN "allowNegative",
ADD COLUMN     "lifetimePoints" DECIMAL(20,4) NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "Movement_reversesId_key" ON "Movement"("reversesId");

-- CreateIndex
CREATE INDEX "Movement_transactionId_idx" ON "Movement"("transactionId");



-- ─── Hand-written (DESIGN.md §3) ─────────────────────────────────────────────────────────────

-- A consumption takes points from a lot (> 0) or, under a reversal, gives them back (< 0).
ALTER TABLE "LotConsumption" ADD CONSTRAINT "LotConsumption_amount_not_zero" CHECK ("amount" <> 0);

-- Ledger errors carry their own SQLSTATEs so lib/ledger can turn them into domain errors:
--   LDG01 insufficient points, LDG02 movement not found, LDG03 not reversible,
--   LDG04 already reversed, LDG05 refused by a ledger rule.

-- Every posting to an owner account moves its cached balance in the same statement, so the cache
-- can never drift from the postings. System accounts keep no cached balance: one row per program
-- that every earn would otherwise lock. A posting may take an owner account below zero only when
-- it is a RETURN on a group wallet (SPEC §1: a return after a redemption).
CREATE FUNCTION ledger_posting_applied() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_balance numeric;
  v_owner "AccountOwner";
  v_kind "MovementKind";
BEGIN
  UPDATE "PointsAccount" SET "balance" = "balance" + NEW."amount"
   WHERE id = NEW."accountId" AND "orgId" = NEW."orgId" AND "ownerType" <> 'SYSTEM'
   RETURNING "balance", "ownerType" INTO v_balance, v_owner;
  IF NOT FOUND THEN
    PERFORM 1 FROM "PointsAccount" WHERE id = NEW."accountId" AND "orgId" = NEW."orgId";
    IF NOT FOUND THEN
      RAISE EXCEPTION 'ledger: account % is not in org %', NEW."accountId", NEW."orgId" USING ERRCODE = 'LDG05';
    END IF;
    RETURN NULL;
  END IF;
  IF v_balance < 0 AND NEW."amount" < 0 THEN
    SELECT kind INTO v_kind FROM "Movement" WHERE id = NEW."movementId";
    IF NOT (v_owner = 'USERGROUP' AND v_kind = 'RETURN') THEN
      RAISE EXCEPTION 'ledger: insufficient points: movement % would take account % to %', NEW."movementId", NEW."accountId", v_balance
        USING ERRCODE = 'LDG01';
    END IF;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Posting_applies_balance" AFTER INSERT ON "Posting"
  FOR EACH ROW EXECUTE FUNCTION ledger_posting_applied();

-- The cached balance changes only through a posting (the trigger above runs one level down), and
-- an account never changes hands or disappears.
CREATE FUNCTION ledger_account_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'points accounts are never deleted' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."balance" IS DISTINCT FROM OLD."balance" AND pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION 'the balance of points account % changes only by posting to it', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."orgId" <> OLD."orgId" OR NEW."programId" <> OLD."programId" OR NEW."ownerType" <> OLD."ownerType"
     OR NEW."ownerId" IS DISTINCT FROM OLD."ownerId" OR NEW."systemKind" IS DISTINCT FROM OLD."systemKind" THEN
    RAISE EXCEPTION 'points account % cannot change its owner or program', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "PointsAccount_guard" BEFORE UPDATE OR DELETE ON "PointsAccount"
  FOR EACH ROW EXECUTE FUNCTION ledger_account_guard();

-- A movement without postings moves nothing and explains nothing: refused at commit.
CREATE FUNCTION ledger_movement_has_postings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "Posting" WHERE "movementId" = NEW.id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'movement % has no postings', NEW.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "Movement_has_postings" AFTER INSERT ON "Movement"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION ledger_movement_has_postings();

-- Promotional points never move to a group wallet (DESIGN §3 invariant 6).
CREATE FUNCTION ledger_lot_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."kind" = 'PROMOTIONAL' THEN
    PERFORM 1 FROM "PointsAccount" WHERE id = NEW."accountId" AND "ownerType" = 'USERGROUP';
    IF FOUND THEN
      RAISE EXCEPTION 'promotional points never go to a group wallet (account %)', NEW."accountId" USING ERRCODE = 'LDG05';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "PointsLot_no_promotional_for_groups" BEFORE INSERT ON "PointsLot"
  FOR EACH ROW EXECUTE FUNCTION ledger_lot_inserted();

-- ─── The posting functions: one call per movement (lib/ledger calls them) ────────────────────

-- An owner's or a program's system account, created on first use.
CREATE FUNCTION ledger_account(p_org int, p_program int, p_owner_type "AccountOwner", p_owner_id int, p_system_kind "SystemAccountKind")
RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  v_id int;
  v_org int;
BEGIN
  IF p_owner_type = 'SYSTEM' THEN
    SELECT id, "orgId" INTO v_id, v_org FROM "PointsAccount" WHERE "programId" = p_program AND "systemKind" = p_system_kind;
  ELSE
    SELECT id, "orgId" INTO v_id, v_org FROM "PointsAccount"
     WHERE "ownerType" = p_owner_type AND "ownerId" = p_owner_id AND "programId" = p_program;
  END IF;
  IF v_id IS NOT NULL THEN
    IF v_org <> p_org THEN
      RAISE EXCEPTION 'ledger: program % is not in org %', p_program, p_org USING ERRCODE = 'LDG05';
    END IF;
    RETURN v_id;
  END IF;
  PERFORM 1 FROM "Program" WHERE id = p_program AND "orgId" = p_org;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'ledger: program % is not in org %', p_program, p_org USING ERRCODE = 'LDG05';
  END IF;
  IF p_owner_type = 'SYSTEM' THEN
    INSERT INTO "PointsAccount" ("orgId", "programId", "ownerType", "systemKind", "updatedAt")
    VALUES (p_org, p_program, 'SYSTEM', p_system_kind, CURRENT_TIMESTAMP)
    ON CONFLICT ("programId", "systemKind") WHERE "systemKind" IS NOT NULL DO NOTHING
    RETURNING id INTO v_id;
    IF v_id IS NULL THEN
      SELECT id INTO v_id FROM "PointsAccount" WHERE "programId" = p_program AND "systemKind" = p_system_kind;
    END IF;
  ELSE
    INSERT INTO "PointsAccount" ("orgId", "programId", "ownerType", "ownerId", "updatedAt")
    VALUES (p_org, p_program, p_owner_type, p_owner_id, CURRENT_TIMESTAMP)
    ON CONFLICT ("ownerType", "ownerId", "programId") DO NOTHING
    RETURNING id INTO v_id;
    IF v_id IS NULL THEN
      SELECT id INTO v_id FROM "PointsAccount" WHERE "ownerType" = p_owner_type AND "ownerId" = p_owner_id AND "programId" = p_program;
    END IF;
  END IF;
  RETURN v_id;
END;
$$;

-- A movement row with its provenance (p: the call's JSON).
CREATE FUNCTION ledger_new_movement(p_org int, p_program int, p_kind "MovementKind", p jsonb, p_reverses int)
RETURNS int LANGUAGE sql AS $$
  INSERT INTO "Movement" ("orgId", "programId", "kind", "sourceType", "sourceRef", "transactionId", "workflowVersionId",
                          "conditionId", "actorType", "actorId", "notes", "reversesId")
  VALUES (p_org, p_program, p_kind, p->>'sourceType', p->>'sourceRef', (p->>'transactionId')::int, (p->>'workflowVersionId')::int,
          p->>'conditionId', (p->>'actorType')::"ActorType", (p->>'actorId')::int, COALESCE(p->>'notes', ''), p_reverses)
  RETURNING id;
$$;

-- Takes p_amount from an account's open lots: first the lots of p_prefer's movements (a return
-- claws back what its purchase earned), then first-expiring first, ties by earliest award, then
-- lowest id (DESIGN §3). Records each take; returns what the lots could not cover. The caller
-- holds the account's row lock, so no other writer touches these lots meanwhile.
CREATE FUNCTION ledger_consume(p_org int, p_account int, p_movement int, p_amount numeric, p_prefer int[])
RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
  v_need numeric := p_amount;
  v_take numeric;
  v_lot record;
BEGIN
  FOR v_lot IN
    SELECT id, remaining FROM "PointsLot"
     WHERE "accountId" = p_account AND remaining > 0
     ORDER BY (p_prefer IS NOT NULL AND "movementId" = ANY (p_prefer)) DESC, "expiresAt" ASC NULLS LAST, "earnedAt" ASC, id ASC
  LOOP
    EXIT WHEN v_need <= 0;
    v_take := LEAST(v_lot.remaining, v_need);
    UPDATE "PointsLot" SET remaining = remaining - v_take WHERE id = v_lot.id;
    INSERT INTO "LotConsumption" ("orgId", "lotId", "movementId", "amount") VALUES (p_org, v_lot.id, p_movement, v_take);
    v_need := v_need - v_take;
  END LOOP;
  RETURN v_need;
END;
$$;

-- One movement between an owner account and its program's system account (earn, debit, adjust).
-- p: { orgId, programId, kind, ownerType, ownerId, counter (system kind), amount (signed, as the
-- owner sees it), lotKind, earnedAt, expiresAt, prefer[], provenance… }. Debits lock the owner's
-- row first; credits lock it by posting. Returns { movementId, accountId, balance, lotId, shortfall }.
CREATE FUNCTION ledger_post(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_org int := (p->>'orgId')::int;
  v_program int := (p->>'programId')::int;
  v_kind "MovementKind" := (p->>'kind')::"MovementKind";
  v_owner_type "AccountOwner" := (p->>'ownerType')::"AccountOwner";
  v_amount numeric := (p->>'amount')::numeric;
  v_lot_kind "LotKind" := COALESCE(p->>'lotKind', 'REGULAR')::"LotKind";
  v_account int;
  v_counter int;
  v_movement int;
  v_balance numeric;
  v_gain numeric;
  v_lot int;
  v_short numeric := 0;
  v_prefer int[];
BEGIN
  IF v_amount IS NULL OR v_amount = 0 THEN
    RAISE EXCEPTION 'ledger: a movement moves a non-zero number of points' USING ERRCODE = 'LDG05';
  END IF;
  IF v_owner_type NOT IN ('CUSTOMER', 'USERGROUP') THEN
    RAISE EXCEPTION 'ledger: points move to or from a customer or a group' USING ERRCODE = 'LDG05';
  END IF;
  v_account := ledger_account(v_org, v_program, v_owner_type, (p->>'ownerId')::int, NULL);
  v_counter := ledger_account(v_org, v_program, 'SYSTEM', NULL, (p->>'counter')::"SystemAccountKind");

  IF v_amount < 0 THEN
    SELECT "balance" INTO v_balance FROM "PointsAccount" WHERE id = v_account FOR UPDATE;
    IF v_balance + v_amount < 0 AND NOT (v_owner_type = 'USERGROUP' AND v_kind = 'RETURN') THEN
      RAISE EXCEPTION 'ledger: insufficient points: balance %, needed %', v_balance, -v_amount USING ERRCODE = 'LDG01';
    END IF;
  END IF;

  v_movement := ledger_new_movement(v_org, v_program, v_kind, p, NULL);
  INSERT INTO "Posting" ("orgId", "movementId", "accountId", "amount")
  VALUES (v_org, v_movement, v_counter, -v_amount), (v_org, v_movement, v_account, v_amount);
  SELECT "balance" INTO v_balance FROM "PointsAccount" WHERE id = v_account;

  IF v_amount > 0 THEN
    -- The lots hold max(balance, 0): on a wallet a return left below zero, the credit first
    -- repays that debt, recorded as the credit consuming its own lot.
    v_gain := LEAST(v_amount, GREATEST(v_balance, 0));
    INSERT INTO "PointsLot" ("orgId", "accountId", "movementId", "kind", "amount", "remaining", "earnedAt", "expiresAt")
    VALUES (v_org, v_account, v_movement, v_lot_kind, v_amount, v_gain,
            COALESCE((p->>'earnedAt')::timestamptz AT TIME ZONE 'UTC', CURRENT_TIMESTAMP AT TIME ZONE 'UTC'),
            (p->>'expiresAt')::timestamptz AT TIME ZONE 'UTC')
    RETURNING id INTO v_lot;
    IF v_gain < v_amount THEN
      INSERT INTO "LotConsumption" ("orgId", "lotId", "movementId", "amount") VALUES (v_org, v_lot, v_movement, v_amount - v_gain);
    END IF;
  ELSE
    SELECT array_agg(x::int) INTO v_prefer FROM jsonb_array_elements_text(COALESCE(p->'prefer', '[]'::jsonb)) AS x;
    v_short := ledger_consume(v_org, v_account, v_movement, -v_amount, v_prefer);
    IF v_short > 0 AND v_balance >= 0 THEN
      RAISE EXCEPTION 'ledger: lots of account % hold less than its balance', v_account USING ERRCODE = 'LDG05';
    END IF;
  END IF;

  IF v_kind IN ('EARN', 'RETURN') THEN
    UPDATE "PointsAccount" SET "lifetimePoints" = "lifetimePoints" + v_amount WHERE id = v_account;
  END IF;
  RETURN jsonb_build_object('movementId', v_movement, 'accountId', v_account, 'balance', v_balance, 'lotId', v_lot, 'shortfall', v_short);
END;
$$;

-- Reverses a movement once: negated postings; what it credited is taken back (its own lots first),
-- what it debited is given back to the lots it consumed (as far as the balance comes back above
-- zero; what a return took below zero comes back as a new lot expiring with the latest of them).
CREATE FUNCTION ledger_reverse(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_org int := (p->>'orgId')::int;
  v_orig record;
  v_rev int;
  v_post record;
  v_balance numeric;
  v_gain numeric;
  v_give numeric;
  v_short numeric;
  v_cons record;
  v_expires timestamp(3);
  v_never boolean;
BEGIN
  SELECT id, "programId", kind INTO v_orig FROM "Movement" WHERE id = (p->>'movementId')::int AND "orgId" = v_org FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'ledger: movement % not found', p->>'movementId' USING ERRCODE = 'LDG02';
  END IF;
  IF v_orig.kind = 'REVERSE' THEN
    RAISE EXCEPTION 'ledger: a reversal is not reversed; post a new movement instead' USING ERRCODE = 'LDG03';
  END IF;
  PERFORM 1 FROM "Movement" WHERE "reversesId" = v_orig.id;
  IF FOUND THEN
    RAISE EXCEPTION 'ledger: movement % is already reversed', v_orig.id USING ERRCODE = 'LDG04';
  END IF;
  PERFORM 1 FROM "PointsAccount" a WHERE a."ownerType" <> 'SYSTEM'
     AND a.id IN (SELECT "accountId" FROM "Posting" WHERE "movementId" = v_orig.id) ORDER BY a.id FOR UPDATE;

  v_rev := ledger_new_movement(v_org, v_orig."programId", 'REVERSE', p, v_orig.id);
  INSERT INTO "Posting" ("orgId", "movementId", "accountId", "amount")
  SELECT v_org, v_rev, "accountId", -"amount" FROM "Posting" WHERE "movementId" = v_orig.id ORDER BY id;

  FOR v_post IN
    SELECT p2."accountId", p2."amount" FROM "Posting" p2 JOIN "PointsAccount" a ON a.id = p2."accountId"
     WHERE p2."movementId" = v_orig.id AND a."ownerType" <> 'SYSTEM' ORDER BY p2.id
  LOOP
    SELECT "balance" INTO v_balance FROM "PointsAccount" WHERE id = v_post."accountId";
    IF v_post."amount" > 0 THEN
      v_short := ledger_consume(v_org, v_post."accountId", v_rev, v_post."amount", ARRAY[v_orig.id]);
      IF v_short > 0 AND v_balance >= 0 THEN
        RAISE EXCEPTION 'ledger: lots of account % hold less than its balance', v_post."accountId" USING ERRCODE = 'LDG05';
      END IF;
    ELSE
      -- what the lots gain: max(balance after, 0) - max(balance before, 0)
      v_gain := GREATEST(v_balance, 0) - GREATEST(v_balance + v_post."amount", 0);
      v_expires := NULL;
      v_never := false;
      FOR v_cons IN
        SELECT c."lotId", c."amount", l."expiresAt" FROM "LotConsumption" c JOIN "PointsLot" l ON l.id = c."lotId"
         WHERE c."movementId" = v_orig.id AND l."accountId" = v_post."accountId" AND c."amount" > 0 ORDER BY c.id DESC
      LOOP
        IF v_cons."expiresAt" IS NULL THEN
          v_never := true;
        ELSIF v_expires IS NULL OR v_cons."expiresAt" > v_expires THEN
          v_expires := v_cons."expiresAt";
        END IF;
        CONTINUE WHEN v_gain <= 0;
        v_give := LEAST(v_cons."amount", v_gain);
        UPDATE "PointsLot" SET remaining = remaining + v_give WHERE id = v_cons."lotId";
        INSERT INTO "LotConsumption" ("orgId", "lotId", "movementId", "amount") VALUES (v_org, v_cons."lotId", v_rev, -v_give);
        v_gain := v_gain - v_give;
      END LOOP;
      IF v_never THEN v_expires := NULL; END IF;
      IF v_gain > 0 THEN
        INSERT INTO "PointsLot" ("orgId", "accountId", "movementId", "kind", "amount", "remaining", "earnedAt", "expiresAt")
        VALUES (v_org, v_post."accountId", v_rev, 'REGULAR', v_gain, v_gain, CURRENT_TIMESTAMP AT TIME ZONE 'UTC', v_expires);
      END IF;
    END IF;
    IF v_orig.kind IN ('EARN', 'RETURN') THEN
      UPDATE "PointsAccount" SET "lifetimePoints" = "lifetimePoints" - v_post."amount" WHERE id = v_post."accountId";
    END IF;
  END LOOP;
  RETURN jsonb_build_object('movementId', v_rev);
END;
$$;
