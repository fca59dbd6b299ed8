import { spawn } from "node:child_process";
import path from "node:path";
import { migrateJobQueue } from "@/lib/jobs/schema";

/**
 * Applies prisma/migrations with Prisma Migrate (`prisma migrate deploy`), through the project's
 * schema-engine stand-in, on whatever database `url` points at (PostgreSQL or embedded PGlite);
 * then the job queue's own schema (lib/jobs/schema.ts), so jobs can be queued before any worker
 * has started.
 */
export async function migrateDeploy(url: string): Promise<void> {
  await runPrisma(["migrate", "deploy"], url);
  await migrateJobQueue(url);
}

export function runPrisma(args: string[], url: string): Promise<void> {
  const bin = path.join(process.cwd(), "node_modules", ".bin", "prisma");
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, DATABASE_URL: url },
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`prisma ${args.join(" ")} failed (exit ${code})`)),
    );
  });
}
