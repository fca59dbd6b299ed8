import { redirect } from "next/navigation";
import { z } from "zod";
import { requirePageUser } from "@/lib/auth/session";

const querySchema = z.object({ q: z.string().trim().max(100).catch("") });

/** The group search is the one box's Groups switch now; old links land there with their query. */
export default async function GroupSearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser("/member-care/groups", "member-care:read");
  const { q } = querySchema.parse(await searchParams);
  redirect(`/member-care?${new URLSearchParams({ ...(q ? { q } : {}), in: "groups" })}`);
}
