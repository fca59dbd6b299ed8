import Link from "next/link";

/** The red indicator of unpublished workflow changes (SPEC §5.5), on the programs list and the tab. */
export function UnpublishedMark({ href }: { href?: string }) {
  const dot = (
    <span className="ml-2 inline-flex items-center gap-1 rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium text-red-700">
      <span aria-hidden="true" className="h-1.5 w-1.5 rounded-full bg-red-600" />
      Unpublished changes
    </span>
  );
  return href ? (
    <Link href={href} className="hover:underline">
      {dot}
    </Link>
  ) : (
    dot
  );
}
