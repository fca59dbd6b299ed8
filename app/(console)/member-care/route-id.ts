/** An id from a Member Care URL (`/customers/42`), or null when it cannot be a row's id (a 404, not a crash). */
export function routeId(raw: string): number | null {
  return /^\d{1,10}$/.test(raw) && Number(raw) > 0 && Number(raw) <= 2_147_483_647 ? Number(raw) : null;
}
