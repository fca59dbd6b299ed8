// `npm run dev` / `npm start`: bring up a working console with no setup.
// Without DATABASE_URL it starts the embedded database (PGlite) in this process and keeps its data
// in EMBEDDED_DB_DIR; then it applies migrations, seeds the demo org when asked to (by default on
// the embedded database), and runs Next.js as a child process pointed at the database.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { migrateDeploy } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { seedDemo } from "@/prisma/seed";
import { spawnWorker } from "./spawn-worker";

type Mode = "dev" | "start";

async function main(mode: Mode) {
  const config = env();
  let embedded: EmbeddedDatabase | undefined;
  const running: { next?: ChildProcess; worker?: ChildProcess } = {};

  const shutdown = async (code: number) => {
    running.next?.kill("SIGTERM");
    running.worker?.kill("SIGTERM");
    await embedded?.stop().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  let url = config.DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedDatabase({ dir: config.EMBEDDED_DB_DIR, port: config.EMBEDDED_DB_PORT });
    url = embedded.url;
    log(`embedded PostgreSQL (PGlite) at 127.0.0.1:${config.EMBEDDED_DB_PORT}, data in ${config.EMBEDDED_DB_DIR}`);
  } else {
    log(`PostgreSQL from DATABASE_URL (${new URL(url).host})`);
  }

  await migrateDeploy(url);
  // Demo data by default where a developer works (dev mode, or the embedded database); never on
  // a production server unless asked, and the seed itself refuses NODE_ENV=production.
  if (config.SEED_DEMO ?? (mode === "dev" || embedded !== undefined)) {
    const seeded = await seedDemo(url);
    log(seeded ? "demo org seeded" : "demo org already present");
  }

  if (mode === "start" && !existsSync(path.join(config.NEXT_DIST_DIR, "BUILD_ID"))) {
    log("no production build yet: running `next build` first");
    await run(nextBin(), ["build"], {});
  }

  const childEnv: Record<string, string> = {
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: url,
    PORT: String(config.PORT),
    NEXTAUTH_URL: config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`,
    // The embedded database serialises work; a small pool avoids queueing many idle clients.
    DATABASE_POOL_SIZE: String(embedded ? Math.min(config.DATABASE_POOL_SIZE, 5) : config.DATABASE_POOL_SIZE),
  };
  // `next start` runs in production mode, which needs a session secret. On the embedded database
  // (a single machine) we make one once and keep it beside the data.
  if (!config.NEXTAUTH_SECRET && embedded) childEnv.NEXTAUTH_SECRET = localSecret(config.EMBEDDED_DB_DIR);
  const child = spawn(nextBin(), [mode, "--port", String(config.PORT)], {
    stdio: "inherit",
    env: { ...process.env, ...childEnv },
  });
  running.next = child;
  child.on("exit", (code) => void shutdown(code ?? 0));

  // Background jobs (expiry sweeps, webhook delivery) beside the console; WORKER=false leaves them
  // to separate `npm run worker` processes. A worker that dies is reported, the console stays up.
  if (config.WORKER) {
    const worker = spawnWorker(url, { stdio: "inherit", poolSize: 2 });
    running.worker = worker;
    worker.on("exit", (code, signal) => {
      if (code !== 0 && signal === null) log(`job worker exited with code ${code}; start one with \`npm run worker\``);
    });
    log("job worker started (WORKER=false to run it apart)");
  }
}

function localSecret(dataDir: string): string {
  const file = dataDir.startsWith("memory://") ? null : path.join(path.dirname(path.resolve(dataDir)), "auth-secret");
  if (file && existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  if (file) writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function nextBin() {
  return path.join(process.cwd(), "node_modules", ".bin", "next");
}

function run(bin: string, args: string[], extraEnv: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${bin} ${args.join(" ")} exited ${code}`))));
  });
}

function log(message: string) {
  console.log(`[loyalty] ${message}`);
}

const mode = process.argv[2];
if (mode !== "dev" && mode !== "start") {
  console.error("usage: tsx lib/launcher/main.ts dev|start");
  process.exit(2);
}
main(mode).catch((error: unknown) => {
  console.error(`[loyalty] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
