import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** A plain GET form: works before the page's script loads, and the search lands in the URL (shareable, back button). */
export function SearchBox({ q }: { q: string }) {
  return (
    <form role="search" action="/member-care" method="get" className="flex max-w-2xl gap-2">
      <label htmlFor="member-care-q" className="sr-only">
        Search customers and groups
      </label>
      <Input
        id="member-care-q"
        name="q"
        type="search"
        defaultValue={q}
        placeholder="Mobile, email, external id, card, id or name"
        autoFocus
        autoComplete="off"
        maxLength={100}
        className="h-10"
      />
      <Button type="submit" size="lg">
        Search
      </Button>
    </form>
  );
}
