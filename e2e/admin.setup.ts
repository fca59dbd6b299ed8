import { test as setup } from "@playwright/test";
import { ADMIN_STATE } from "../playwright.config";
import { signInByApi } from "./fixtures";

// Stores the admin's session once; specs start signed in as admin unless they say otherwise.
setup("sign in as the demo admin", async ({ page }) => {
  await signInByApi(page, "ADMIN");
  await page.context().storageState({ path: ADMIN_STATE });
});
