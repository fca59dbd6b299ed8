import { describe, expect, it } from "vitest";
import { CONFIG_KEYS, CONFIG_REGISTRY, configDef, resolveConfigKey, sameConfigValue } from "./config-registry";

// SPEC §0, every config by its vendor name.
const SPEC_KEYS = [
  "CONF_USER_GROUP_ENABLED", "CONF_USER_GROUP_SIZE", "CONF_MAX_FLEET_GROUP_SIZE", "IS_HEIRARCHY_STRICT", "IS_SKIP_ROLE_ALLOWED",
  "GROUP_CREATION_ENABLED", "CONF_USER_GROUP_OTP_ENABLE", "FLEET_GROUP_LOYALTY_ENABLED", "FLEET_ENTITY_TYPE", "ENABLE_USER_GROUP_LOYALTY",
  "ENABLE_FLEET_LOYALTY", "ENABLE_GROUP_PROGRAMS_REDEMPTION", "CONF_ENABLE_GROUP_POINTS_BY_PROGRAM", "ENABLE_CROSS_MEMBER_REDEMPTION",
  "CONF_DISABLE_GROUP_DEACTIVATION_ON_PRIMARY_MEMBER_EXIT", "ROLLING_EXPIRY_INCLUDE_ZERO_POINTS", "SINGLE_ROLLING_EXPIRY",
];
// The vendor's, beyond SPEC §0: the reversal switch of SPEC-vendor-api §D.2 (issue 11).
const VENDOR_KEYS = ["Allow_points_redemption_reversal"];
// Ours, beyond SPEC §0: maker-checker for workflow publishing (issue 8); seed 001's default rate (issue 13);
// the OTP waiver for trusted API clients' transfers (issue 11).
const CLONE_KEYS = ["WORKFLOW_MAKER_CHECKER", "CONF_DEFAULT_POINTS_ON_TRANSACTION", "CONF_DEFAULT_POINTS_PERCENT", "POINTS_TRANSFER_OTP_WAIVED_FOR_TRUSTED_CLIENTS", "WEBHOOK_ALLOW_PRIVATE_TARGETS"];

describe("config registry", () => {
  it("holds every SPEC §0 config, each with a description and a default its own schema accepts", () => {
    expect([...CONFIG_KEYS].sort()).toEqual([...SPEC_KEYS, ...VENDOR_KEYS, ...CLONE_KEYS].sort());
    for (const key of CONFIG_KEYS) {
      const def = configDef(key);
      expect(def.description.length, key).toBeGreaterThan(20);
      expect(def.schema.safeParse(def.default).success, key).toBe(true);
    }
  });

  it("defaults the fleet group cap to 30,000 and switches to off", () => {
    expect(CONFIG_REGISTRY.CONF_MAX_FLEET_GROUP_SIZE.default).toBe(30000);
    expect(CONFIG_REGISTRY.CONF_USER_GROUP_ENABLED.default).toBe(false);
  });

  it("accepts a positive whole group size, from a number or the form's text, and says why it refuses others", () => {
    const schema = CONFIG_REGISTRY.CONF_USER_GROUP_SIZE.schema;
    expect(schema.parse(6)).toBe(6);
    expect(schema.parse("6")).toBe(6);
    expect(schema.safeParse(0).error?.issues[0]?.message).toBe("The group size must be at least 1.");
    expect(schema.safeParse("2.5").error?.issues[0]?.message).toBe("Enter a whole number.");
    expect(schema.safeParse("").error?.issues[0]?.message).toBe("Enter a whole number.");
    expect(schema.safeParse("abc").error?.issues[0]?.message).toBe("Enter a whole number.");
    expect(CONFIG_REGISTRY.CONF_MAX_FLEET_GROUP_SIZE.schema.safeParse(30001).error?.issues[0]?.message).toBe(
      "The maximum group size can be at most 30,000.",
    );
  });

  it("never reads text as a boolean", () => {
    expect(CONFIG_REGISTRY.CONF_USER_GROUP_ENABLED.schema.safeParse("false").success).toBe(false);
  });

  it("resolves the singular redemption spelling to the plural key, and nothing else", () => {
    expect(resolveConfigKey("ENABLE_GROUP_PROGRAM_REDEMPTION")).toBe("ENABLE_GROUP_PROGRAMS_REDEMPTION");
    expect(resolveConfigKey("ENABLE_GROUP_PROGRAMS_REDEMPTION")).toBe("ENABLE_GROUP_PROGRAMS_REDEMPTION");
    expect(resolveConfigKey("NOPE")).toBeNull();
    expect(resolveConfigKey("toString")).toBeNull();
  });

  it("notes that the redemption switch applies at once here, unlike the vendor's 24 h", () => {
    expect(CONFIG_REGISTRY.ENABLE_GROUP_PROGRAMS_REDEMPTION.notes).toMatch(/24 h.*at once/);
  });

  it("compares object values whatever their key order", () => {
    expect(sameConfigValue({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(sameConfigValue({ a: 1 }, { a: 2 })).toBe(false);
  });
});
