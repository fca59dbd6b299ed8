import { signInResponse } from "@/lib/auth/sign-in";

// The sign-in form posts here (lib/auth/sign-in.ts); there is no GET.
export const POST = signInResponse;
