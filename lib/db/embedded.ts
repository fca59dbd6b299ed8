import { mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

/**
 * Starts PGlite (PostgreSQL compiled to WASM) and serves it on a loopback TCP port, so the app,
 * Prisma Migrate and psql all reach it through the ordinary PostgreSQL protocol (STACK.md).
 * One process must own a data directory: only the launcher calls this.
 */
export async function startEmbeddedDatabase(options: {
  dir: string;
  port: number;
  maxConnections?: number;
}): Promise<EmbeddedDatabase> {
  // Probe the port before opening the data directory: two processes must never open one PGlite
  // directory, and a second launcher would otherwise get that far before failing.
  await assertPortFree(options.port);
  if (!options.dir.startsWith("memory://")) mkdirSync(options.dir, { recursive: true });
  const pglite = await PGlite.create(options.dir);
  const server = new PGLiteSocketServer({
    db: pglite,
    host: "127.0.0.1",
    port: options.port,
    maxConnections: options.maxConnections ?? 20,
  });
  try {
    await server.start();
  } catch (error) {
    await pglite.close();
    throw error;
  }
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${options.port}/postgres?sslmode=disable`,
    stop: async () => {
      await server.stop();
      await pglite.close();
    },
  };
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", () =>
      reject(
        new Error(
          `Port ${port} for the embedded database is taken (is another \`npm run dev\` running?). Stop it, or set EMBEDDED_DB_PORT.`,
        ),
      ),
    );
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}
