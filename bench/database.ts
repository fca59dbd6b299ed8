import pg from "pg";

/**
 * Drops and creates the database `url` names (benchmarks start from an empty one), through the
 * server's `postgres` database. `statementTimeoutMs` becomes the database's default for every
 * connection (the app's, the workers', the migrations'), so a runaway statement cannot hold locks
 * that block the server's other databases' DROP DATABASE.
 */
export async function recreateDatabase(url: string, options: { statementTimeoutMs?: number } = {}): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  target.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: target.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    if (options.statementTimeoutMs) await admin.query(`ALTER DATABASE "${name}" SET statement_timeout = ${Math.trunc(options.statementTimeoutMs)}`);
  } finally {
    await admin.end();
  }
}
