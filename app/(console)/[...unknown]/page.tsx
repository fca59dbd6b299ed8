import { notFound } from "next/navigation";

// Any path no page serves: a 404 rendered inside the console layout, so a signed-in user who
// follows a bad link keeps the console's navigation (app/not-found.tsx alone would render
// without it). Real routes always win over this catch-all.
export default function UnknownPage() {
  notFound();
}
