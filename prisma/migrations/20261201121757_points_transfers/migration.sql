-- Points transfers (issue 11): individual ↔ group, group → group, customer → customer, and a
-- member's move of their own points to the group. The ledger gains one posting function,
-- ledger_transfer; lib/transfers records who asked in PointsTransfer.

-- CreateEnum
CREATE TYPE "TransferKind" AS ENUM ('GROUP', 'CUSTOMER', 'MOVE_TO_GROUP');

-- CreateTable
CREATE TABLE "PointsTransfer" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "movementId" INTEGER NOT NULL,
    "kind" "TransferKind" NOT NULL,
    "fromType" "AccountOwner" NOT NULL,
    "fromId" INTEGER NOT NULL,
    "toType" "AccountOwner" NOT NULL,
    "toId" INTEGER NOT NULL,
    "toProgramId" INTEGER NOT NULL,
    "points" DECIMAL(20,4) NOT NULL,
    "leftBehind" DECIMAL(20,4) NOT NULL DEFAULT 0,
    "initiatorId" INTEGER,
    "notes" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PointsTransfer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PointsTransfer_movementId_key" ON "PointsTransfer"("movementId");

-- CreateIndex
CREATE INDEX "PointsTransfer_orgId_fromType_fromId_createdAt_idx" ON "PointsTransfer"("orgId", "fromType", "fromId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "PointsTransfer_orgId_toType_toId_createdAt_idx" ON "PointsTransfer"("orgId", "toType", "toId", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "PointsTransfer" ADD CONSTRAINT "PointsTransfer_movementId_fkey" FOREIGN KEY ("movementId") REFERENCES "Movement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- ─── Hand-written (DESIGN.md §3) ─────────────────────────────────────────────────────────────

ALTER TABLE "PointsTransfer" ADD CONSTRAINT "PointsTransfer_points_positive" CHECK ("points" > 0 AND "leftBehind" >= 0);

-- Moves p_amount from one owner's wallets to another owner's wallet as one TRANSFER movement.
-- p: { orgId, programId (the movement's), fromType, fromId, fromPrograms[] (the sender's wallets
-- to draw from: one program, or every program for a cross-program transfer), toType, toId,
-- toProgramId, amount, regularOnly (a group recipient: promotional lots stay behind), provenance… }.
-- Every owner account involved is locked in id order first, so two transfers in opposite
-- directions between the same wallets queue instead of deadlocking. The sender's open lots are
-- taken first-expiring first across its wallets (ties by earliest award, then lowest id), and each
-- piece arrives as a lot of the recipient with the same kind, award date and expiry: a transfer
-- moves points, it does not refresh them. A recipient below zero (a group after a return) is
-- repaid first, as an earn would. No system account takes part; lifetime points do not change.
-- Returns { movementId, toAccountId, balance (the recipient's), from: [{ accountId, programId, amount, balance }] }.
CREATE FUNCTION ledger_transfer(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_org int := (p->>'orgId')::int;
  v_from_type "AccountOwner" := (p->>'fromType')::"AccountOwner";
  v_to_type "AccountOwner" := (p->>'toType')::"AccountOwner";
  v_amount numeric := (p->>'amount')::numeric;
  v_regular_only boolean := COALESCE((p->>'regularOnly')::boolean, false);
  v_programs int[];
  v_to int;
  v_sources int[];
  v_available numeric;
  v_movement int;
  v_need numeric;
  v_take numeric;
  v_lot record;
  v_balance numeric;
  v_debt numeric;
  v_new int;
  v_repay numeric;
  v_from jsonb;
  -- The pieces taken, in the order taken: account, kind, amount, award date, expiry.
  v_acc int[] := '{}';
  v_kinds "LotKind"[] := '{}';
  v_amounts numeric[] := '{}';
  v_earned timestamp(3)[] := '{}';
  v_expires timestamp(3)[] := '{}';
  i int;
BEGIN
  IF v_amount IS NULL OR v_amount <= 0 THEN
    RAISE EXCEPTION 'ledger: a transfer moves a positive number of points' USING ERRCODE = 'LDG05';
  END IF;
  IF v_from_type NOT IN ('CUSTOMER', 'USERGROUP') OR v_to_type NOT IN ('CUSTOMER', 'USERGROUP') THEN
    RAISE EXCEPTION 'ledger: points move to or from a customer or a group' USING ERRCODE = 'LDG05';
  END IF;
  SELECT COALESCE(array_agg(x::int), '{}') INTO v_programs FROM jsonb_array_elements_text(COALESCE(p->'fromPrograms', '[]'::jsonb)) AS x;
  v_to := ledger_account(v_org, (p->>'toProgramId')::int, v_to_type, (p->>'toId')::int, NULL);
  SELECT COALESCE(array_agg(id ORDER BY id), '{}') INTO v_sources FROM "PointsAccount"
   WHERE "orgId" = v_org AND "ownerType" = v_from_type AND "ownerId" = (p->>'fromId')::int AND "programId" = ANY (v_programs);
  IF v_to = ANY (v_sources) THEN
    RAISE EXCEPTION 'ledger: a transfer moves points between two different wallets' USING ERRCODE = 'LDG05';
  END IF;
  PERFORM 1 FROM "PointsAccount" WHERE id = ANY (v_sources || v_to) ORDER BY id FOR UPDATE;

  SELECT COALESCE(SUM(remaining), 0) INTO v_available FROM "PointsLot"
   WHERE "accountId" = ANY (v_sources) AND remaining > 0 AND (NOT v_regular_only OR kind = 'REGULAR');
  IF v_available < v_amount THEN
    RAISE EXCEPTION 'ledger: insufficient points: % transferable, needed %', v_available, v_amount USING ERRCODE = 'LDG01';
  END IF;

  v_movement := ledger_new_movement(v_org, (p->>'programId')::int, 'TRANSFER', p, NULL);
  v_need := v_amount;
  FOR v_lot IN
    SELECT id, "accountId", kind, remaining, "earnedAt", "expiresAt" FROM "PointsLot"
     WHERE "accountId" = ANY (v_sources) AND remaining > 0 AND (NOT v_regular_only OR kind = 'REGULAR')
     ORDER BY "expiresAt" ASC NULLS LAST, "earnedAt" ASC, id ASC
  LOOP
    EXIT WHEN v_need <= 0;
    v_take := LEAST(v_lot.remaining, v_need);
    UPDATE "PointsLot" SET remaining = remaining - v_take WHERE id = v_lot.id;
    INSERT INTO "LotConsumption" ("orgId", "lotId", "movementId", "amount") VALUES (v_org, v_lot.id, v_movement, v_take);
    v_acc := v_acc || v_lot."accountId";
    v_kinds := v_kinds || v_lot.kind;
    v_amounts := v_amounts || v_take;
    v_earned := v_earned || v_lot."earnedAt";
    v_expires := v_expires || v_lot."expiresAt";
    v_need := v_need - v_take;
  END LOOP;

  -- The sender's postings in account order, then the recipient's: they sum to zero.
  INSERT INTO "Posting" ("orgId", "movementId", "accountId", "amount")
  SELECT v_org, v_movement, a, -SUM(n) FROM unnest(v_acc, v_amounts) AS t(a, n) GROUP BY a ORDER BY a;
  INSERT INTO "Posting" ("orgId", "movementId", "accountId", "amount") VALUES (v_org, v_movement, v_to, v_amount);

  SELECT "balance" INTO v_balance FROM "PointsAccount" WHERE id = v_to;
  -- What the recipient owed before (a balance below zero) is repaid from the first pieces.
  v_debt := v_amount - (GREATEST(v_balance, 0) - GREATEST(v_balance - v_amount, 0));
  FOR i IN 1 .. COALESCE(array_length(v_amounts, 1), 0) LOOP
    v_repay := LEAST(v_amounts[i], v_debt);
    INSERT INTO "PointsLot" ("orgId", "accountId", "movementId", "kind", "amount", "remaining", "earnedAt", "expiresAt")
    VALUES (v_org, v_to, v_movement, v_kinds[i], v_amounts[i], v_amounts[i] - v_repay, v_earned[i], v_expires[i])
    RETURNING id INTO v_new;
    IF v_repay > 0 THEN
      INSERT INTO "LotConsumption" ("orgId", "lotId", "movementId", "amount") VALUES (v_org, v_new, v_movement, v_repay);
      v_debt := v_debt - v_repay;
    END IF;
  END LOOP;

  SELECT COALESCE(jsonb_agg(jsonb_build_object('accountId', a.id, 'programId', a."programId", 'amount', s.total, 'balance', a.balance) ORDER BY a.id), '[]'::jsonb)
    INTO v_from
    FROM (SELECT t.a, SUM(t.n) AS total FROM unnest(v_acc, v_amounts) AS t(a, n) GROUP BY t.a) s JOIN "PointsAccount" a ON a.id = s.a;
  RETURN jsonb_build_object('movementId', v_movement, 'toAccountId', v_to, 'balance', v_balance, 'from', v_from);
END;
$$;
