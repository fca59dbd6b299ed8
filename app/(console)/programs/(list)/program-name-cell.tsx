import Link from "next/link";
import { UnpublishedMark } from "../unpublished-mark";

/**
 * The program's name, linking to it. Hovering or focusing it shows the program identifier
 * (seed 003: "hover over a loyalty program name to view its program identifier"); keyboard users
 * get the same text, and screen readers hear it as the link's description.
 */
export function ProgramNameCell({ id, name, isDefault, unpublished = false }: { id: number; name: string; isDefault: boolean; unpublished?: boolean }) {
  const tipId = `program-${id}-identifier`;
  return (
    <td className="group relative px-4 py-3 font-medium">
      {isDefault ? (
        <span role="img" aria-label="Default program" title="Default program" className="mr-1 text-amber-500">
          ★
        </span>
      ) : null}
      <Link
        href={`/programs/${id}`}
        title={`Program identifier: ${id}`}
        aria-describedby={tipId}
        className="text-brand-700 hover:underline focus-visible:underline focus-visible:outline-none"
      >
        {name}
      </Link>
      <span
        id={tipId}
        role="tooltip"
        className="pointer-events-none absolute left-4 top-full z-10 -mt-1 hidden whitespace-nowrap rounded bg-slate-900 px-2 py-1 text-xs font-normal text-white group-focus-within:block group-hover:block"
      >
        Program identifier: {id}
      </span>
      {unpublished ? <UnpublishedMark href={`/programs/${id}/workflows`} /> : null}
    </td>
  );
}
