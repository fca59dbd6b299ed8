import type { Page, Route } from "@playwright/test";
import { expect, test } from "./fixtures";

// A click on a link must never look dead (issue 7 polish). When the browser holds the segment's
// loading state (prefetched once the link is on screen), the skeleton replaces the page at once;
// when it does not (not prefetched yet), the top progress bar runs over the old page until the
// server answers. To prove "before the server answers", the test holds the server's answer until
// it has seen the feedback, then lets it through.

/** Holds client-side RSC requests (navigations, and prefetches too if asked) until released. */
async function holdRsc(page: Page, { prefetches }: { prefetches: boolean }): Promise<{ held: Promise<void>; release: () => void }> {
  const waiting: Route[] = [];
  let released = false;
  let seen: () => void = () => {};
  const held = new Promise<void>((resolve) => (seen = resolve));
  await page.route("**/*", async (route) => {
    const headers = route.request().headers();
    const prefetch = Boolean(headers["next-router-prefetch"] || headers["next-router-segment-prefetch"]);
    const hold = headers.rsc === "1" && (prefetches || !prefetch);
    if (!hold || released) return route.continue();
    waiting.push(route);
    if (!prefetch) seen();
  });
  return {
    held,
    release: () => {
      released = true;
      for (const route of waiting.splice(0)) void route.continue();
    },
  };
}

function mainNav(page: Page, name: string) {
  return page.getByRole("navigation", { name: "Main" }).getByRole("link", { name });
}

for (const { from, link, to } of [
  { from: "/programs", link: "Settings", to: "/settings" },
  { from: "/settings", link: "Member Care", to: "/member-care" },
]) {
  test(`from ${from}, a click on ${link} shows its loading skeleton before the server answers`, async ({ page }) => {
    // The link's loading state comes with its prefetch: wait for that answer itself ("network
    // idle" can come before the router starts prefetching what is on screen).
    const prefetched = page.waitForResponse((r) => {
      const h = r.request().headers();
      return Boolean(h["next-router-prefetch"] || h["next-router-segment-prefetch"]) && new URL(r.url()).pathname.startsWith(to);
    });
    await page.goto(from);
    await prefetched;
    await page.waitForLoadState("networkidle");
    const gate = await holdRsc(page, { prefetches: false });

    await mainNav(page, link).click();
    await gate.held;
    await expect(page.getByTestId("segment-loading")).toBeVisible();
    await expect(page.getByRole("heading", { name: link, level: 1 })).toHaveCount(0);

    gate.release();
    await expect(page.getByRole("heading", { name: link, level: 1 })).toBeVisible();
    await expect(page.getByTestId("segment-loading")).toHaveCount(0);
  });
}

test("a click on a link not yet prefetched runs the top progress bar over the old page until the server answers", async ({ page }) => {
  const gate = await holdRsc(page, { prefetches: true });
  await page.goto("/programs");
  await expect(page.getByRole("heading", { name: "Programs", level: 1 })).toBeVisible();

  await mainNav(page, "Settings").click();
  await gate.held;
  await expect(page.locator(".bprogress .bar")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Programs", level: 1 })).toBeVisible();

  gate.release();
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await expect(page.locator(".bprogress .bar")).toHaveCount(0);
});
