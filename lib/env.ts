import { z } from "zod";

// The one place that reads process.env (STYLE.md): every setting is declared, typed and
// validated here, and documented in the README's Configuration table.
const booleanFlag = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1");

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** PostgreSQL server; unset means the embedded PGlite database started by the launcher. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL must be a postgresql:// URL" }).optional(),
  /** Connections the app opens to the database. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Where the embedded database keeps its data (git-ignored); `memory://` keeps nothing. */
  EMBEDDED_DB_DIR: z.string().min(1).default(".data/pglite"),
  /** TCP port the embedded database listens on (loopback only). */
  EMBEDDED_DB_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  /** HTTP port of the console. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Signs session cookies. Required in production; a fixed development value otherwise. */
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  /** The console's public URL (sign-in redirects). Defaults to http://localhost:$PORT. */
  NEXTAUTH_URL: z.url().optional(),
  /** Next.js build directory (to keep parallel builds apart). */
  NEXT_DIST_DIR: z.string().min(1).default(".next"),
  /** Largest request body the /v2 API reads, in bytes; a bigger one is refused with 413. */
  API_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024),
  /** Seed the demo org on start (default: on for the embedded database, off otherwise). */
  SEED_DEMO: booleanFlag.optional(),
  /** Start a job-queue worker beside the console in `npm run dev` / `npm start` (`npm run worker` runs one alone). */
  WORKER: booleanFlag.default(true),
  /** Jobs one worker process runs at once. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(2),
  /** Whether CI runs us: fewer retries, stricter checks. */
  CI: z.string().optional().transform((v) => v !== undefined && v !== "" && v !== "false" && v !== "0"),
});

export type Env = z.infer<typeof envSchema>;

const DEV_SECRET = "development-only-secret-do-not-use-in-production!";

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable (FOO= in a shell or .env) means "not set", as it does for most tools.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = envSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const env = result.data;
  if (env.NODE_ENV === "production" && !env.NEXTAUTH_SECRET && !source.NEXT_PHASE?.includes("build")) {
    throw new Error("Invalid configuration:\n  NEXTAUTH_SECRET: required when NODE_ENV=production");
  }
  return env;
}

let cached: Env | undefined;

/** The validated configuration of this process (read once). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function authSecret(): string {
  return env().NEXTAUTH_SECRET ?? DEV_SECRET;
}

/** The database URL, or a clear error when the embedded database was not started for us. */
export function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start the console with `npm run dev` or `npm start`, which start the embedded database, or set DATABASE_URL to a PostgreSQL server.",
    );
  }
  return url;
}
