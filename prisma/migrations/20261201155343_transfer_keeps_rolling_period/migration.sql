-- Transferred lots keep their rolling period (issue 11; SPEC §8): ledger_transfer hands each piece
-- over with the same kind, award date and expiry, and now also the rolling period of the lot it
-- came from (PointsLot.rollingValue/rollingUnit, added by 20261201142224_rolling_expiry), so a
-- rolling event of the recipient rolls the points it received as it would have rolled the sender's.
-- Otherwise the function is the one of 20261201121757_points_transfers.

CREATE OR REPLACE FUNCTION ledger_transfer(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
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
  -- The pieces taken, in the order taken: account, kind, amount, award date, expiry, rolling period.
  v_acc int[] := '{}';
  v_kinds "LotKind"[] := '{}';
  v_amounts numeric[] := '{}';
  v_earned timestamp(3)[] := '{}';
  v_expires timestamp(3)[] := '{}';
  v_roll_values int[] := '{}';
  v_roll_units text[] := '{}';
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
    SELECT id, "accountId", kind, remaining, "earnedAt", "expiresAt", "rollingValue", "rollingUnit" FROM "PointsLot"
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
    v_roll_values := v_roll_values || v_lot."rollingValue";
    v_roll_units := v_roll_units || v_lot."rollingUnit";
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
    INSERT INTO "PointsLot" ("orgId", "accountId", "movementId", "kind", "amount", "remaining", "earnedAt", "expiresAt", "rollingValue", "rollingUnit")
    VALUES (v_org, v_to, v_movement, v_kinds[i], v_amounts[i], v_amounts[i] - v_repay, v_earned[i], v_expires[i], v_roll_values[i], v_roll_units[i])
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
