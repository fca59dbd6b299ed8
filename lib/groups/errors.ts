import { AppError, type AppErrorKind } from "@/lib/errors";

// The group and fleet error table (SPEC §1.9, SPEC-vendor-api §E.8), with the vendor's codes and
// wording kept verbatim so integrations written for the vendor read the same messages. `{0}`,
// `{1}` are filled in order. Codes 1690–1699 are ours: SPEC §9 lists cases the vendor's
// documentation leaves open, and the clone defines them here (and in the README).
// Client-safe: the console's forms show the same messages.
export const GROUP_ERRORS = {
  403: { kind: "INVALID", message: "Field {0} is mandatory." },
  1600: { kind: "CONFLICT", message: "Fleet code {0} exists." },
  1601: { kind: "INVALID", message: "Fleet minimum number of roles {0} not met." },
  1602: { kind: "INVALID", message: "Fleet maximum number of roles {0} exceeded." },
  1603: { kind: "INVALID", message: "Fleet role code cannot be empty or null." },
  1604: { kind: "INVALID", message: "Fleet max child per role cannot be negative." },
  1605: { kind: "INVALID", message: "Max limit of {0} on total number of child per role exceeded for {1}. Contact support team to increase the limit." },
  1606: { kind: "INVALID", message: "Duplicate fleet role codes passed in the payload." },
  1607: { kind: "INVALID", message: "Invalid child role code passed {0}." },
  1608: { kind: "INVALID", message: "Cyclic hierarchy is not supported." },
  1609: { kind: "NOT_FOUND", message: "Fleet hierarchy ID/code {0} is invalid." },
  1610: { kind: "CONFLICT", message: "Fleet hierarchy is not active." },
  1611: { kind: "INVALID", message: "Fleet max child not passed for the role {0}." },
  1612: { kind: "INVALID", message: "Fleet child role code not passed for the role {0}." },
  1613: { kind: "INVALID", message: "Fleet hierarchy code cannot be null or empty." },
  1614: { kind: "INVALID", message: "Any one role needs to be marked as aggregation level for auto group creation to be enabled." },
  1615: { kind: "INVALID", message: "Role Code {0} is invalid." },
  1616: { kind: "INVALID", message: "Fleet hierarchy code invalid {0}." },
  1617: { kind: "INVALID", message: "Fleet role code for the child customers doesn't qualify the hierarchy." },
  1618: { kind: "CONFLICT", message: "Total number of child for the role {0} can not exceed {1}." },
  1619: { kind: "NOT_FOUND", message: "Group ID {0} invalid." },
  1620: { kind: "CONFLICT", message: "User {0} does not belong to group {1}." },
  1621: { kind: "NOT_FOUND", message: "User with {0} does not exist." },
  1622: { kind: "INVALID", message: "Users do not belong to the same company." },
  1623: { kind: "CONFLICT", message: "User {0} already present in group {1}." },
  1624: { kind: "CONFLICT", message: "Group transfer not allowed for primary member {0}." },
  1625: { kind: "INVALID", message: "Fleet parent customer {0} not mapped in the hierarchy." },
  1626: { kind: "CONFLICT", message: "Customer is already mapped to a different hierarchy." },
  1627: { kind: "CONFLICT", message: "Customer fleet user role can't be changed." },
  1628: { kind: "CONFLICT", message: "Customer fleet company can't be changed." },
  1629: { kind: "INVALID", message: "Fleet role permission code cannot be null or empty." },
  1630: { kind: "INVALID", message: "Fleet role permission code not exist." },
  1631: { kind: "INVALID", message: "Fleet role permission code {0} duplicated." },
  1632: { kind: "NOT_FOUND", message: "Fleet group ID/externalID/primary userID {0} passed is not valid." },
  1633: { kind: "CONFLICT", message: "Fleet group external ID {0} already exists." },
  1634: { kind: "INVALID", message: "Fleet group externalId can't be null." },
  1635: { kind: "INVALID", message: "Fleet group query param is not passed." },
  1636: { kind: "CONFLICT", message: "Customer is already a member of the group." },
  1637: { kind: "CONFLICT", message: "Primary member exists for the group." },
  1638: { kind: "CONFLICT", message: "Total members in the group reached maximum group capacity {0}." },
  1639: { kind: "INVALID", message: "Group max size can not exceed product limit {0}." },
  1640: { kind: "INVALID", message: "Group max size field should be a positive value." },
  1641: { kind: "INVALID", message: "Invalid permission code {0} passed." },
  1642: { kind: "CONFLICT", message: "User is primary member in a different group." },
  1643: { kind: "INVALID", message: "Nothing to update in the group." },
  1644: { kind: "INVALID", message: "Group details not passed." },
  1645: { kind: "INVALID", message: "Group details passed are not valid." },
  1646: { kind: "INVALID", message: "Fleet group transfer entity type invalid." },
  1647: { kind: "NOT_FOUND", message: "Default Fleet group not set for the user." },
  1648: { kind: "INVALID", message: "Multiple child customers cannot be marked as default for the same parent customer." },
  1649: { kind: "INVALID", message: "Only one role should be marked as points aggregation role." },
  1650: { kind: "INVALID", message: "Role can not be both pointsAggregationRole and nonAutomatedPointsAggregationRole." },
  1651: { kind: "FORBIDDEN", message: "Points transfer from a group can not be done by a user who is not part of the group." },
  1701: { kind: "NOT_FOUND", message: "Fleet hierarchy code {0} does not exist." },
  1702: { kind: "CONFLICT", message: "Company externalID {0} already exists." },
  1703: { kind: "NOT_FOUND", message: "Parent company externalID {0} does not exist." },
  1704: { kind: "NOT_FOUND", message: "Company does not exist with given ID/externalID {0}." },
  1705: { kind: "CONFLICT", message: "Fleet company is inactive." },
  1706: { kind: "CONFLICT", message: "Fleet company cannot be activated." },
  1707: { kind: "INVALID", message: "Fleet {0} externalID cannot be null or empty." },
  1708: { kind: "INVALID", message: "Fleet company identifiers ID/externalID should pass." },
  1709: { kind: "INVALID", message: "Fleet company cannot be parent company itself." },
  1710: { kind: "INVALID", message: "Cyclic parenting not supported." },
  1711: { kind: "CONFLICT", message: "Fleet hierarchy update is not allowed." },
  8015: { kind: "NOT_FOUND", message: "Customer not found for the given identifiers." },
  // ─── Ours (SPEC §9 gaps) ───
  1690: { kind: "FORBIDDEN", message: "User groups are not enabled for this org: turn on CONF_USER_GROUP_ENABLED." },
  1691: { kind: "CONFLICT", message: "Group {0} is {1}: members cannot join it." },
  1692: { kind: "CONFLICT", message: "Group max size {0} is below the {1} current members of the group." },
  1693: { kind: "INVALID", message: "The group to leave and the group to join are the same group {0}." },
  1694: { kind: "CONFLICT", message: "Group {0} is deleted." },
  1695: { kind: "INVALID", message: "Fleet hierarchy {0} has no roles yet: define its roles before associating customers." },
  1696: { kind: "INVALID", message: "Company {0} belongs to fleet hierarchy {1}, not {2}." },
  // A warning, not an error: the fleet association stands, but a group step did not happen (the reason follows).
  1697: { kind: "INVALID", message: "{0}" },
} as const satisfies Record<number, { kind: AppErrorKind; message: string }>;

export type GroupErrorCode = keyof typeof GROUP_ERRORS;

/** The message of a code with its `{n}` placeholders filled in. */
export function groupMessage(code: GroupErrorCode, ...args: (string | number)[]): string {
  return GROUP_ERRORS[code].message.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? ""));
}

/** A domain error carrying the vendor's code, for the API envelope and console forms alike. */
export function groupError(code: GroupErrorCode, args: (string | number)[] = [], field?: string): AppError {
  return new AppError(GROUP_ERRORS[code].kind, groupMessage(code, ...args), { code, ...(field ? { field } : {}) });
}

/** A zod custom issue carrying the vendor's code (lib/api/envelope sends `params.code` as the code). */
export function groupIssue(code: GroupErrorCode, args: (string | number)[] = []): { message: string; params: { code: number } } {
  return { message: groupMessage(code, ...args), params: { code } };
}
