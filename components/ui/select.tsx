import { cn } from "@/lib/utils";

/** A native select styled like Input (native: keyboard and screen readers work as users expect). */
export function Select({ className, ...props }: React.SelectHTMLAttributes<HTMLSelectElement> & { ref?: React.Ref<HTMLSelectElement> }) {
  return (
    <select
      className={cn(
        "block h-9 w-full rounded-md border border-slate-300 bg-white px-3 text-sm shadow-sm aria-[invalid=true]:border-red-500",
        className,
      )}
      {...props}
    />
  );
}
