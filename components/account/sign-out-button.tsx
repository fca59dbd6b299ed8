"use client";

import { signOut } from "next-auth/react";
import { Button, type ButtonProps } from "@/components/ui/button";

export function SignOutButton({ variant = "secondary" }: { variant?: ButtonProps["variant"] }) {
  return (
    <Button variant={variant} size="sm" onClick={() => void signOut({ callbackUrl: "/login" })}>
      Sign out
    </Button>
  );
}
