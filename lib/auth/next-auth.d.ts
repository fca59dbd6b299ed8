import "next-auth";
import "next-auth/jwt";
import type { Role } from "./permissions";

declare module "next-auth" {
  interface Session {
    userId?: string;
    orgId?: number;
    role?: Role;
    sessionVersion?: number;
  }
  interface User {
    orgId?: number;
    role?: Role;
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    orgId?: number;
    role?: Role;
    sv?: number;
  }
}
