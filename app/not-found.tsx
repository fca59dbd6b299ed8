import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <p className="text-sm font-semibold text-slate-500">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Nothing here</h1>
      <p className="mt-2 text-slate-600">The page does not exist, or it belongs to another org.</p>
      <Link href="/programs" className="mt-6 inline-block text-brand-700 underline">
        Back to programs
      </Link>
    </main>
  );
}
