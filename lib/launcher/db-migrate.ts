// `npm run db:migrate`: apply migrations to DATABASE_URL, or to the embedded database's directory
// when DATABASE_URL is unset (it is started just for this and stopped again).
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { migrateDeploy } from "@/lib/db/migrate";
import { env } from "@/lib/env";

const config = env();
const embedded = config.DATABASE_URL
  ? undefined
  : await startEmbeddedDatabase({ dir: config.EMBEDDED_DB_DIR, port: config.EMBEDDED_DB_PORT });
try {
  await migrateDeploy(config.DATABASE_URL ?? embedded!.url);
} finally {
  await embedded?.stop();
}
