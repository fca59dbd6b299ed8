// The events a subscription can name: the vendor's 16 (SPEC-vendor-api §F.1) and ours. Client-safe.
export const VENDOR_EVENTS = [
  "tierUpgraded", "tierDowngraded", "tierRenewed", "tierDowngradeReminder", "pointsIssued", "pointsRedeemed", "redeemedPointsReversed",
  "pointsExpired", "pointsExpiryReminder", "pointsTransferredInitiated", "pointsTransferredReceived", "promisedToCurrentPointsConversion",
  "transactionAdded", "transactionUpdated", "customerAdded", "customerUpdated",
] as const;
export const OUR_EVENTS = ["groupCreated", "groupMemberJoined", "groupMemberLeft", "manualPointsAdjustment"] as const;
export const WEBHOOK_EVENTS = [...VENDOR_EVENTS, ...OUR_EVENTS] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
