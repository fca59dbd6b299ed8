import { z } from "zod";
import { transferIssue, type TransferErrorCode } from "./errors";

// The bodies of the transfer APIs (SPEC §2.1, SPEC-vendor-api §D.3–D.5). Client-safe. The shape
// is loose on purpose: a vendor integration sends these bodies as the vendor documents them, and
// each problem is answered with the vendor's code (422, 807, 885, 434, 1206–1208), not zod's.

/** §A.3 "group points transfer, customer entity" (+ `id`, as seed 001 sends). */
export const CUSTOMER_ENTITY_IDENTIFIERS = ["id", "mobile", "email", "externalId", "cardnumber", "wechat", "martjackId", "fbId"] as const;
/** §A.3 "group points transfer, group entity". */
export const GROUP_ENTITY_IDENTIFIERS = ["id", "externalId", "primaryUserId", "primaryUserCardnumber", "primaryUserMobile", "primaryUserEmail"] as const;
export type CustomerEntityIdentifier = (typeof CUSTOMER_ENTITY_IDENTIFIERS)[number];
export type GroupEntityIdentifier = (typeof GROUP_ENTITY_IDENTIFIERS)[number];

export type CustomerRefInput = { identifierType: CustomerEntityIdentifier; value: string };
export type EntityRef = ({ type: "CUSTOMER" } & CustomerRefInput) | { type: "USERGROUP2"; identifierType: GroupEntityIdentifier; value: string };

export type GroupTransferInput = {
  points: number;
  /** Absent: the org's default program (SPEC-vendor-api §0.3). */
  programId: number | null;
  notes: string;
  transferredBy: CustomerRefInput | null;
  from: EntityRef;
  to: EntityRef;
};

const value = z.union([z.string().max(200), z.number()]).optional().meta({ description: "The identifier's value (text; numbers are read as text)." });
const entitySchema = z.looseObject({
  type: z.string().max(50).optional().meta({ description: "CUSTOMER or USERGROUP2 (1208 otherwise)." }),
  identifierType: z.string().max(50).optional().meta({ description: `CUSTOMER: ${CUSTOMER_ENTITY_IDENTIFIERS.join(", ")}; USERGROUP2: ${GROUP_ENTITY_IDENTIFIERS.join(", ")}.` }),
  identifierValue: value,
  source: z.string().max(50).optional(),
  accountId: z.string().max(100).optional(),
});
const initiatorSchema = z.looseObject({ identifierType: z.string().max(50).optional(), identifierValue: value, source: z.string().max(50).optional(), accountId: z.string().max(100).optional() });

/** `pointsTobeTransferred`: a whole number above zero (422; a fraction is 807, SPEC §2.1). */
export const pointsField = z
  .union([z.number(), z.string().max(30)])
  .optional()
  .meta({ description: "Whole points above zero: missing or not above zero → 422, a fraction → 807." });
/** `programId`: the program the points leave (885 when it is not a program id). */
export const programIdField = z.union([z.number(), z.string().max(20)]).optional().meta({ description: "The program the points are deducted from; the default program when absent." });

export const groupTransferBodySchema = z
  .looseObject({
    pointsTobeTransferred: pointsField,
    programId: programIdField,
    notes: z.string().max(1000).optional(),
    transferredBy: initiatorSchema.optional().meta({ description: "Who asks: the sending customer, or for a group a member with transfer permission." }),
    fromEntity: entitySchema.optional(),
    toEntity: entitySchema.optional(),
  })
  .superRefine((body, ctx) => {
    const issue = (code: TransferErrorCode, path: string[], args: string[] = [], detail?: string) => ctx.addIssue(transferIssue(code, path, args, detail));
    checkPoints(body.pointsTobeTransferred, issue);
    checkProgram(body.programId, issue);
    checkEntity(body.fromEntity, "fromEntity", issue);
    checkEntity(body.toEntity, "toEntity", issue);
    if (body.transferredBy !== undefined && customerType(body.transferredBy.identifierType) === null) {
      issue(434, ["transferredBy", "identifierType"], ["transferredBy.identifierType"]);
    } else if (body.transferredBy !== undefined && blank(body.transferredBy.identifierValue)) {
      issue(434, ["transferredBy", "identifierValue"], ["transferredBy.identifierValue"]);
    }
  })
  .transform((body): GroupTransferInput => ({
    points: Number(body.pointsTobeTransferred),
    programId: body.programId === undefined ? null : Number(body.programId),
    notes: body.notes ?? "",
    transferredBy: body.transferredBy ? { identifierType: customerType(body.transferredBy.identifierType)!, value: String(body.transferredBy.identifierValue).trim() } : null,
    from: entityRef(body.fromEntity!),
    to: entityRef(body.toEntity!),
  }));

type Issue = (code: TransferErrorCode, path: string[], args?: string[], detail?: string) => void;

export function checkPoints(points: number | string | undefined, issue: Issue): void {
  const n = typeof points === "string" && points.trim() !== "" ? Number(points) : points;
  if (typeof n !== "number" || !Number.isFinite(n) || n <= 0 || n > 1e12) issue(422, ["pointsTobeTransferred"]);
  else if (!Number.isInteger(n)) issue(807, ["pointsTobeTransferred"], [], `(${n}: transfers move whole points)`);
}

export function checkProgram(programId: number | string | undefined, issue: Issue): void {
  if (programId === undefined) return;
  const n = typeof programId === "string" && /^\d{1,10}$/.test(programId.trim()) ? Number(programId) : programId;
  if (typeof n !== "number" || !Number.isInteger(n) || n <= 0 || n > 2_147_483_647) issue(885, ["programId"], [String(programId)]);
}

function checkEntity(entity: z.output<typeof entitySchema> | undefined, where: "fromEntity" | "toEntity", issue: Issue): void {
  const details = where === "fromEntity" ? 1206 : 1207;
  if (entity === undefined) return issue(details, [where]);
  const type = entityType(entity.type);
  if (type === null) return issue(1208, [where, "type"], [], `(${where}.type must be CUSTOMER or USERGROUP2)`);
  const known = type === "CUSTOMER" ? customerType(entity.identifierType) : groupType(entity.identifierType);
  if (known === null) {
    // SPEC §2.1: a bad fromEntity.identifierType is 434; a bad toEntity one is "to entity details" (1207).
    if (where === "fromEntity") return issue(434, [where, "identifierType"], ["fromEntity.identifierType"]);
    return issue(1207, [where, "identifierType"], [], `(identifierType ${entity.identifierType ?? "missing"})`);
  }
  if (blank(entity.identifierValue)) issue(details, [where, "identifierValue"], [], "(identifierValue missing)");
}

function entityRef(entity: z.output<typeof entitySchema>): EntityRef {
  const value = String(entity.identifierValue).trim();
  return entityType(entity.type) === "CUSTOMER"
    ? { type: "CUSTOMER", identifierType: customerType(entity.identifierType)!, value }
    : { type: "USERGROUP2", identifierType: groupType(entity.identifierType)!, value };
}

function blank(v: string | number | undefined): boolean {
  return v === undefined || String(v).trim() === "";
}

// Names are matched without regard to case (`ID`, `Mobile`), as vendor clients vary.
function oneOf<T extends string>(list: readonly T[], raw: string | undefined): T | null {
  if (raw === undefined) return null;
  return list.find((x) => x.toLowerCase() === raw.trim().toLowerCase()) ?? null;
}
export const customerType = (raw: string | undefined) => oneOf(CUSTOMER_ENTITY_IDENTIFIERS, raw);
const groupType = (raw: string | undefined) => oneOf(GROUP_ENTITY_IDENTIFIERS, raw);
const entityType = (raw: string | undefined) => oneOf(["CUSTOMER", "USERGROUP2"] as const, raw);
