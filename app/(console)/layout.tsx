import { currentUser } from "@/lib/auth/session";
import { ConsoleShell } from "./console-shell";

// The shell is for orientation only. Each page calls requirePageUser with its own path (so a
// signed-out visitor returns to it after signing in) and each action checks the role itself.
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  if (!user) return children;
  return (
    <ConsoleShell user={{ name: user.name, email: user.email, role: user.role, orgName: user.orgName }}>{children}</ConsoleShell>
  );
}
