import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <p className="text-sm font-semibold text-red-600">403</p>
      <h1 className="mt-2 text-2xl font-semibold">You don&apos;t have access to this page</h1>
      <p className="mt-2 text-slate-600">Your role does not include it. Ask an admin of your org if you need it.</p>
      <Link href="/programs" className="mt-6 inline-block text-brand-700 underline">
        Back to programs
      </Link>
    </main>
  );
}
