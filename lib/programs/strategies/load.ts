import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { defaultExpirySchema, normaliseRatio, redemptionStrategySchema, type DefaultExpiry, type ProgramStrategies } from "./schema";

// The one reader of a program's strategies: the Strategies tab, the redemption APIs (minimum,
// limit, multiples, eligibility, the points' worth), the transfer APIs (transfersAllowed) and the
// engine (the expiry PROGRAM_DEFAULT allocations follow) all call loadProgramStrategies.

type Reader = Pick<Prisma.TransactionClient, "program">;
type StrategyReader = Pick<Prisma.TransactionClient, "pointsStrategy">;

/** The names the strategies are stored under (one of each kind per program). */
export const REDEMPTION_STRATEGY_NAME = "Redemption strategy";
export const DEFAULT_EXPIRY_STRATEGY_NAME = "Program default expiry";

/** The program's strategies, or null when the program is not the org's. */
export async function loadProgramStrategies(tx: Reader, orgId: number, programId: number): Promise<ProgramStrategies | null> {
  const program = await tx.program.findFirst({
    where: { id: programId, orgId },
    select: {
      id: true,
      name: true,
      pointsToCurrencyRatio: true,
      pointsTransferAllowed: true,
      strategies: {
        where: {
          OR: [
            { kind: "REDEMPTION", name: REDEMPTION_STRATEGY_NAME },
            { kind: "EXPIRY", name: DEFAULT_EXPIRY_STRATEGY_NAME },
          ],
        },
        select: { kind: true, config: true },
      },
    },
  });
  if (!program) return null;
  const stored = (kind: "REDEMPTION" | "EXPIRY") => program.strategies.find((s) => s.kind === kind)?.config;
  // A stored config that no longer parses counts as absent: a redemption is then refused with
  // the "no strategy" message rather than run on half a rule.
  const redemption = redemptionStrategySchema.safeParse(stored("REDEMPTION"));
  const expiry = defaultExpirySchema.safeParse(stored("EXPIRY"));
  return {
    programId: program.id,
    programName: program.name,
    pointsToCurrencyRatio: normaliseRatio(program.pointsToCurrencyRatio.toFixed(10)),
    transfersAllowed: program.pointsTransferAllowed,
    redemption: redemption.success ? redemption.data : null,
    defaultExpiry: expiry.success ? expiry.data : null,
  };
}

/**
 * Every program's default expiry in the org, by program id (programs without one are absent:
 * their PROGRAM_DEFAULT allocations never expire). One query, for the engine's hot path.
 */
export async function loadDefaultExpiries(client: StrategyReader, orgId: number): Promise<Map<number, DefaultExpiry>> {
  const rows = await client.pointsStrategy.findMany({ where: { orgId, kind: "EXPIRY", name: DEFAULT_EXPIRY_STRATEGY_NAME }, select: { programId: true, config: true } });
  const out = new Map<number, DefaultExpiry>();
  for (const row of rows) {
    const parsed = defaultExpirySchema.safeParse(row.config);
    if (parsed.success) out.set(row.programId, parsed.data);
  }
  return out;
}
