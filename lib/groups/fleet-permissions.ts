import { MEMBER_PERMISSIONS } from "./schema";

// GET /v2/fleet/permissions (vendor §E.6): `{name, label, module, defaultValue, active}` per permission.
const LABELS: Record<(typeof MEMBER_PERMISSIONS)[number], string> = {
  allow_points_redemption: "Allow points redemption",
  allow_points_transfer: "Allow points transfer",
  block_points_redemption: "Block points redemption",
  block_points_transfer: "Block points transfer",
};

export const FLEET_PERMISSIONS = MEMBER_PERMISSIONS.map((name) => ({ name, label: LABELS[name], module: "Loyalty", defaultValue: false, active: true }));
