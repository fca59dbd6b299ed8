import { describe, expect, it } from "vitest";
import { checkInitiator, movesRegularOnly, vendorDate, walletProgram } from "./rules";
import { groupTransferBodySchema } from "./schema";

const primary = { primaryMember: true, permissions: [] };
const allowed = { primaryMember: false, permissions: ["allow_points_transfer"] };
const driver = { primaryMember: false, permissions: ["allow_points_transfer", "block_points_transfer"] };

describe("who may transfer (SPEC §2.1)", () => {
  it("lets a customer move only their own points", () => {
    expect(checkInitiator({ kind: "CUSTOMER", id: 1 }, 1, null)).toEqual({ ok: true });
    expect(checkInitiator({ kind: "CUSTOMER", id: 1 }, null, null)).toEqual({ ok: true });
    expect(checkInitiator({ kind: "CUSTOMER", id: 1 }, 2, null)).toMatchObject({ ok: false, code: 434 });
  });

  it("lets a group's points move on a member's request with transfer permission", () => {
    expect(checkInitiator({ kind: "USERGROUP", id: 7 }, 1, primary)).toEqual({ ok: true });
    expect(checkInitiator({ kind: "USERGROUP", id: 7 }, 1, allowed)).toEqual({ ok: true });
    expect(checkInitiator({ kind: "USERGROUP", id: 7 }, 1, driver)).toMatchObject({ ok: false, code: 817 });
    expect(checkInitiator({ kind: "USERGROUP", id: 7 }, 1, { primaryMember: false, permissions: [] })).toMatchObject({ ok: false, code: 817 });
    expect(checkInitiator({ kind: "USERGROUP", id: 7 }, 1, null)).toMatchObject({ ok: false, code: 1651 });
    expect(checkInitiator({ kind: "USERGROUP", id: 7 }, null, null)).toMatchObject({ ok: false, code: 434 });
  });
});

describe("wallets", () => {
  const ctx = { defaultProgramId: 1, groupPointsByProgram: false };
  it("keeps a group's wallet in the default program unless groups hold points per program", () => {
    expect(walletProgram("CUSTOMER", 5, ctx)).toBe(5);
    expect(walletProgram("USERGROUP", 5, ctx)).toBe(1);
    expect(walletProgram("USERGROUP", 5, { ...ctx, groupPointsByProgram: true })).toBe(5);
  });
  it("moves only regular points to a group", () => {
    expect(movesRegularOnly("USERGROUP")).toBe(true);
    expect(movesRegularOnly("CUSTOMER")).toBe(false);
  });
  it("prints the vendor's date", () => {
    expect(vendorDate(new Date("2026-12-01T09:05:03.120Z"))).toBe("2026-12-01 09:05:03");
  });
});

describe("the group transfer body", () => {
  const ok = { pointsTobeTransferred: 10, fromEntity: { type: "CUSTOMER", identifierType: "ID", identifierValue: 5 }, toEntity: { type: "usergroup2", identifierType: "externalId", identifierValue: "G1" } };
  const codeOf = (body: unknown) => {
    const r = groupTransferBodySchema.safeParse(body);
    return r.success ? null : (r.error.issues[0] as { params?: { code?: number } }).params?.code;
  };
  it("reads names without regard to case and numbers as text", () => {
    expect(groupTransferBodySchema.parse(ok)).toEqual({
      points: 10, programId: null, notes: "", transferredBy: null,
      from: { type: "CUSTOMER", identifierType: "id", value: "5" }, to: { type: "USERGROUP2", identifierType: "externalId", value: "G1" },
    });
  });
  it("answers each problem with the vendor's code", () => {
    expect(codeOf({ ...ok, pointsTobeTransferred: "x" })).toBe(422);
    expect(codeOf({ ...ok, pointsTobeTransferred: -1 })).toBe(422);
    expect(codeOf({ ...ok, pointsTobeTransferred: 1.5 })).toBe(807);
    expect(codeOf({ ...ok, programId: 0 })).toBe(885);
    expect(codeOf({ ...ok, fromEntity: { type: "CUSTOMER", identifierType: "id" } })).toBe(1206);
    expect(codeOf({ ...ok, toEntity: { type: "X", identifierType: "id", identifierValue: "1" } })).toBe(1208);
    expect(codeOf({ ...ok, transferredBy: { identifierType: "passport", identifierValue: "1" } })).toBe(434);
    expect(codeOf({ ...ok, transferredBy: { identifierType: "id" } })).toBe(434);
  });
});
