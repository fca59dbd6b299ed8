import "server-only";

// Whether a program allows points transfers: a setting of the program's Strategies tab (issue 11,
// "whether transfers are allowed"), owned by lib/programs. Until that reader lands, every
// program allows transfers, as the vendor's default does; this is the one place to point at it.
export async function transfersAllowed(_orgId: number, _programId: number): Promise<boolean> {
  return true;
}
