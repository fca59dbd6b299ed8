import Link from "next/link";

// Shown for an unknown id and for another org's hierarchy alike: existence is never revealed.
export default function FleetHierarchyNotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold text-slate-500">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Fleet hierarchy not found</h1>
      <p className="mt-2 text-slate-600">There is no such hierarchy in your org.</p>
      <Link href="/settings/fleet-hierarchies" className="mt-6 inline-block text-brand-700 underline">Back to fleet hierarchies</Link>
    </div>
  );
}
