/**
 * The customer's user groups (SPEC §7): filled by lib/groups (issue 14, the groups half) with the
 * memberships, roles, permissions and joined/exited dates. Renders nothing until then.
 */
export async function CustomerGroups(_props: { orgId: number; customerId: number }) {
  return null;
}
