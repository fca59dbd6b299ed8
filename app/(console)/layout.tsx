import { redirect } from "next/navigation";
import { currentUser, firstPasswordUrl } from "@/lib/auth/session";
import { listNotices } from "@/lib/org/notices";
import { ConsoleShell } from "./console-shell";
import { NoticesMenu } from "./notices-menu";

// The shell is for orientation only. Each page calls requirePageUser with its own path (so a
// signed-out visitor returns to it after signing in) and each action checks the role itself.
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  if (!user) return children;
  // Above every segment's loading boundary, so this is a real redirect rather than one after the
  // page has begun to stream; requirePageUser and defineAction refuse on their own as well.
  if (user.mustChangePassword) redirect(firstPasswordUrl("/programs"));
  const { notices, unread } = await listNotices({ orgId: user.orgId, userId: user.id });
  const items = notices.map((n) => ({ id: n.id, title: n.title, body: n.body, href: n.href, createdAt: n.createdAt.toISOString(), read: n.readAt !== null }));
  return (
    <ConsoleShell user={{ name: user.name, email: user.email, role: user.role, orgName: user.orgName }} notices={<NoticesMenu notices={items} unread={unread} />}>
      {children}
    </ConsoleShell>
  );
}
