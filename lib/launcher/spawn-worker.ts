import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import path from "node:path";

/**
 * Starts the job worker (lib/jobs/worker-process.ts) as its own process on `url`. It runs the same
 * lib/ code as the route handlers, hence the react-server condition ("server-only" imports).
 */
export function spawnWorker(url: string, options: { stdio: StdioOptions; poolSize?: number }): ChildProcess {
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  return spawn(tsx, ["--conditions=react-server", path.join("lib", "jobs", "worker-process.ts")], {
    stdio: options.stdio,
    env: { ...process.env, DATABASE_URL: url, ...(options.poolSize ? { DATABASE_POOL_SIZE: String(options.poolSize) } : {}) },
  });
}
