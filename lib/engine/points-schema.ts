import { z } from "zod";
import { SOURCES, TRANSACTION_IDENTIFIERS } from "./transaction-schema";

// Query shapes of the points reads (SPEC-vendor-api §D.7, §D.8). Client-safe.

const flag = z.enum(["true", "false"]).transform((v) => v === "true").optional();
const programId = z.coerce.number().int().positive().max(2_147_483_647).optional();
const date = z.string().max(40).refine((s) => !Number.isNaN(Date.parse(s)), "must be a date (YYYY-MM-DD or ISO date-time)").transform((s) => new Date(s)).optional();

export const customerIdParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
export const groupIdParams = z.object({ groupId: z.coerce.number().int().positive().max(2_147_483_647) });

export const lookupQuery = {
  identifierName: z.enum(TRANSACTION_IDENTIFIERS),
  identifierValue: z.string().trim().min(1).max(200),
  source: z.enum([...SOURCES, "ALL"]),
  accountId: z.string().max(100).optional(),
};

export const balanceQuery = z.object({
  ...lookupQuery,
  programId,
  entityType: z.enum(["CUSTOMER", "FLEET"]).default("CUSTOMER"),
  fetchDataForAllPrograms: flag,
});

export const expiryScheduleQuery = z.object({ programId, fetchDataForAllPrograms: flag, fetchEarliestExpiryOnly: flag, startDate: date, endDate: date });

export const loyaltyDetailsQuery = z.object({ programId });

export const ledgerInfoQuery = z.object({
  ...lookupQuery,
  programId,
  entityType: z.enum(["CUSTOMER", "FLEET"]).default("CUSTOMER"),
  startDate: date,
  endDate: date,
  limit: z.coerce.number().int().min(1).max(10).default(10),
  offset: z.coerce.number().int().min(0).default(0),
});

export const ledgerBalanceQuery = z.object({ ...lookupQuery, entityType: z.enum(["CUSTOMER", "FLEET"]).default("CUSTOMER"), endDate: date });
