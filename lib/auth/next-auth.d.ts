import "next-auth";
import "next-auth/jwt";
import type { Role } from "./permissions";

declare module "next-auth" {
  interface Session {
    userId?: string;
    orgId?: number;
    role?: Role;
  }
  interface User {
    orgId?: number;
    role?: Role;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    orgId?: number;
    role?: Role;
  }
}
