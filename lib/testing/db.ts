// Tests beside app/ code assert what the database now holds through this one import; the lint rule
// that keeps pages and route handlers off the database (eslint.config.mjs) is for app code itself.
export { db as testDb } from "@/lib/db/client";
