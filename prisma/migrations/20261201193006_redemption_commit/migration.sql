-- A redemption's writes in one call (lib/redemption/redeem.ts): its debits, one ledger_post each
-- in the order given (the caller's lock order), the PointsRedemption row, and what the answer
-- shows of the lots taken. The rules were decided before the call; this only writes, and
-- ledger_post still refuses an overdraft (LDG01) under the wallet's row lock. Called as one
-- statement outside an interactive transaction, the lock lasts only as long as the statement.
-- p: { orgId, customerId, programId, groupId, points, transactionNumber, externalReferenceNumber,
-- notes, debits: [ledger_post payloads] }. Returns { redemptionId, posted: [{ movementId, balance }],
-- lots: [{ movementId, lotId, points, expiresAt }] } (lots by consumption id).
CREATE OR REPLACE FUNCTION redemption_commit(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_debit jsonb;
  v_r jsonb;
  v_posted jsonb := '[]'::jsonb;
  v_ids int[] := '{}';
  v_id int;
BEGIN
  FOR v_debit IN SELECT d.value FROM jsonb_array_elements(p->'debits') WITH ORDINALITY AS d(value, n) ORDER BY d.n LOOP
    v_r := ledger_post(v_debit);
    v_posted := v_posted || jsonb_build_array(jsonb_build_object('movementId', v_r->'movementId', 'balance', v_r->'balance'));
    v_ids := v_ids || (v_r->>'movementId')::int;
  END LOOP;
  INSERT INTO "PointsRedemption" ("orgId", "customerId", "programId", "groupId", "points", "transactionNumber", "externalReferenceNumber", "notes", "movementIds", "createdAt")
  VALUES ((p->>'orgId')::int, (p->>'customerId')::int, (p->>'programId')::int, (p->>'groupId')::int, (p->>'points')::numeric,
          p->>'transactionNumber', p->>'externalReferenceNumber', COALESCE(p->>'notes', ''), v_ids,
          -- UTC, as Prisma writes every timestamp column (the column's default is the session's zone).
          CURRENT_TIMESTAMP AT TIME ZONE 'UTC')
  RETURNING id INTO v_id;
  RETURN jsonb_build_object(
    'redemptionId', v_id,
    'posted', v_posted,
    'lots', COALESCE((
      SELECT jsonb_agg(jsonb_build_object(
               'movementId', c."movementId", 'lotId', c."lotId", 'points', c."amount",
               'expiresAt', to_char(l."expiresAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY c.id)
        FROM "LotConsumption" c JOIN "PointsLot" l ON l.id = c."lotId"
       WHERE c."movementId" = ANY (v_ids)), '[]'::jsonb));
END;
$$;
