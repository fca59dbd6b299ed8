-- A purchase's writes in one call (lib/engine/commit.ts commitBill), in the order the interactive
-- transaction had them (DESIGN §4 step 4): the bill (its number the natural key: a second one fails
-- on Transaction_one_purchase_per_number, answered 604), each program's enrolment and KPIs, the
-- rolling-expiry locks and rolls, then one ledger_post per award (a rolling award's lot marked
-- with its period). Every rule was decided in lib/ before the call; this only writes. Sent as one
-- statement outside an interactive transaction, its wallet locks last only that statement.
-- p: { orgId, customerId, tillId, number, amount, grossAmount, discount, billedAt, extendedFields,
-- lineItems, programIds, kpis: [{ programId, purchases, points, visits }], rolls: [{ ownerType,
-- ownerId, programIds | null, eventAt, unit | null, value | null }], awards: [{ post: ledger_post
-- payload without transactionId, rolling: { value, unit } | null }] }.
-- Returns { billId, movementIds: [one per award, in order] }.
CREATE OR REPLACE FUNCTION bill_commit(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_org int := (p->>'orgId')::int;
  v_customer int := (p->>'customerId')::int;
  v_bill int;
  v_kpi jsonb;
  v_roll jsonb;
  v_programs int[];
  v_accounts int[];
  v_award jsonb;
  v_r jsonb;
  v_movements jsonb := '[]'::jsonb;
BEGIN
  -- Timestamps in UTC, as Prisma writes every timestamp column.
  INSERT INTO "Transaction" ("orgId", "customerId", "tillId", "type", "number", "amount", "grossAmount", "discount", "billedAt",
                             "extendedFields", "lineItems", "programIds", "createdAt")
  VALUES (v_org, v_customer, (p->>'tillId')::int, 'REGULAR', p->>'number', (p->>'amount')::numeric, (p->>'grossAmount')::numeric,
          (p->>'discount')::numeric, (p->>'billedAt')::timestamptz AT TIME ZONE 'UTC', p->'extendedFields', p->'lineItems',
          ARRAY(SELECT x::int FROM jsonb_array_elements_text(p->'programIds') AS x), CURRENT_TIMESTAMP AT TIME ZONE 'UTC')
  RETURNING id INTO v_bill;

  FOR v_kpi IN SELECT d.value FROM jsonb_array_elements(p->'kpis') WITH ORDINALITY AS d(value, n) ORDER BY d.n LOOP
    INSERT INTO "ProgramEnrollment" AS e ("orgId", "programId", "customerId", "lifetimePurchases", "lifetimePoints", "visits", "enrolledAt")
    VALUES (v_org, (v_kpi->>'programId')::int, v_customer, (v_kpi->>'purchases')::numeric, (v_kpi->>'points')::numeric,
            GREATEST((v_kpi->>'visits')::int, 0), CURRENT_TIMESTAMP AT TIME ZONE 'UTC')
    ON CONFLICT ("programId", "customerId") DO UPDATE SET
      "lifetimePurchases" = e."lifetimePurchases" + (v_kpi->>'purchases')::numeric,
      "lifetimePoints" = e."lifetimePoints" + (v_kpi->>'points')::numeric,
      "visits" = e."visits" + (v_kpi->>'visits')::int;
  END LOOP;

  -- Rolling expiry (lib/ledger/rolling.ts rollLots, the same two statements): lock the owner's
  -- accounts in id order, then move their open rolling lots' expiry, never earlier.
  FOR v_roll IN SELECT d.value FROM jsonb_array_elements(COALESCE(p->'rolls', '[]'::jsonb)) WITH ORDINALITY AS d(value, n) ORDER BY d.n LOOP
    v_programs := CASE WHEN jsonb_typeof(v_roll->'programIds') = 'array'
                       THEN ARRAY(SELECT x::int FROM jsonb_array_elements_text(v_roll->'programIds') AS x) END;
    SELECT array_agg(s.id ORDER BY s.id) INTO v_accounts FROM (
      SELECT a.id FROM "PointsAccount" a
       WHERE a."orgId" = v_org AND a."ownerType"::text = v_roll->>'ownerType' AND a."ownerId" = (v_roll->>'ownerId')::int
         AND (v_programs IS NULL OR a."programId" = ANY (v_programs))
       ORDER BY a.id FOR UPDATE) s;
    CONTINUE WHEN v_accounts IS NULL;
    WITH target AS (
      SELECT l.id, ((v_roll->>'eventAt')::timestamptz AT TIME ZONE 'UTC') + CASE COALESCE(v_roll->>'unit', l."rollingUnit")
               WHEN 'DAYS' THEN make_interval(days => COALESCE((v_roll->>'value')::int, l."rollingValue"))
               WHEN 'MONTHS' THEN make_interval(months => COALESCE((v_roll->>'value')::int, l."rollingValue"))
               ELSE make_interval(years => COALESCE((v_roll->>'value')::int, l."rollingValue")) END AS "expiresAt"
        FROM "PointsLot" l
       WHERE l."accountId" = ANY (v_accounts) AND l.remaining > 0 AND l."rollingValue" IS NOT NULL
    )
    UPDATE "PointsLot" l SET "expiresAt" = target."expiresAt"
      FROM target WHERE l.id = target.id AND l."expiresAt" < target."expiresAt";
  END LOOP;

  FOR v_award IN SELECT d.value FROM jsonb_array_elements(p->'awards') WITH ORDINALITY AS d(value, n) ORDER BY d.n LOOP
    v_r := ledger_post((v_award->'post') || jsonb_build_object('transactionId', v_bill));
    IF jsonb_typeof(v_award->'rolling') = 'object' AND jsonb_typeof(v_r->'lotId') = 'number' THEN
      UPDATE "PointsLot" SET "rollingValue" = (v_award->'rolling'->>'value')::int, "rollingUnit" = v_award->'rolling'->>'unit'
       WHERE id = (v_r->>'lotId')::int;
    END IF;
    v_movements := v_movements || jsonb_build_array((v_r->>'movementId')::int);
  END LOOP;
  RETURN jsonb_build_object('billId', v_bill, 'movementIds', v_movements);
END;
$$;
