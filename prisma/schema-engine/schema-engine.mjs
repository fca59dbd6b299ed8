#!/usr/bin/env node
// A stand-in for Prisma's native schema-engine binary.
//
// Why: the Prisma CLI downloads its native schema engine from a CDN, which these offline machines
// cannot reach. The same engine ships on npm compiled to WASM (@prisma/schema-engine-wasm). The CLI
// spawns this file in its place (prisma.config.ts sets PRISMA_SCHEMA_ENGINE_BINARY) and talks JSON-RPC
// 2.0 to it, one JSON object per line on stdin/stdout; we forward each request to the WASM engine,
// which reaches the database through @prisma/adapter-pg (PostgreSQL server or PGlite behind
// pglite-socket). See ../shared/STACK.md for the facts this relies on.
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";

const ENGINE_HASH = "59be4fda12412a79eeb9c2ae727b6aa723593323";

const args = parseArgs(process.argv.slice(2));

if (args.version) {
  process.stdout.write(`schema-engine-cli ${ENGINE_HASH}\n`);
  process.exit(0);
}

const datasource = args.datasource ? JSON.parse(args.datasource) : {};

if (args.cli) {
  runCliCommand(args.cli, datasource).then(
    () => process.exit(0),
    (error) => {
      logError(error.message, error.code ?? "P1001");
      process.exit(1);
    },
  );
} else {
  runRpcSession();
}

// ---------------------------------------------------------------------------------------------
// One-shot commands the CLI runs before an RPC session.

async function runCliCommand(command, ds) {
  const url = requireUrl(ds);
  switch (command) {
    case "can-connect-to-database":
      return withClient(url, (c) => c.query("SELECT 1"));
    case "create-database": {
      const name = databaseName(url);
      const exists = await withClient(adminUrl(url), (c) =>
        c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]),
      );
      if (exists.rowCount === 0) await withClient(adminUrl(url), (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
      process.stdout.write(JSON.stringify({ database_name: name }) + "\n");
      return;
    }
    case "drop-database":
      return withClient(adminUrl(url), (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(databaseName(url))}`));
    default:
      throw Object.assign(new Error(`Unknown schema-engine cli command: ${command}`), { code: "P1000" });
  }
}

// ---------------------------------------------------------------------------------------------
// The JSON-RPC session.

function runRpcSession() {
  // Start reading at once; a failure to load the engine is then answered to the request that
  // waits for it, so the CLI shows it instead of exiting silently.
  const enginePromise = loadEngine(datasource);
  enginePromise.catch(() => {});
  const pending = new Map();
  const cliCalls = new Map();
  let lastDevDiagnostic = null;

  // A Rust panic surfaces as a WASM trap that can escape the awaited promise; the CLI only shows
  // the failure if the pending request is answered and the process exits 101.
  const onPanic = (error) => {
    for (const id of pending.keys()) {
      send({ jsonrpc: "2.0", id, error: panicError(error) });
    }
    logError(String(error?.stack ?? error), "P1000");
    process.exitCode = 101;
    setTimeout(() => process.exit(101), 50);
  };
  process.on("uncaughtException", onPanic);
  process.on("unhandledRejection", onPanic);

  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on("line", (line) => {
    if (!line.trim()) return;
    const message = JSON.parse(line);
    if (message.method === undefined && cliCalls.has(message.id)) {
      cliCalls.get(message.id)();
      cliCalls.delete(message.id);
      return;
    }
    pending.set(message.id, true);
    handle(message).finally(() => pending.delete(message.id));
  });
  rl.on("close", () => setTimeout(() => process.exit(process.exitCode ?? 0), 10));

  async function handle({ id, method, params }) {
    try {
      const result = await call(method, params);
      send({ jsonrpc: "2.0", id, result: result === undefined ? null : result });
    } catch (error) {
      send({ jsonrpc: "2.0", id, error: engineError(error) });
    }
  }

  async function call(method, params) {
    const engine = await enginePromise;
    switch (method) {
      case "createDatabase": {
        await runCliCommand("create-database", params?.datasource?.tag === "ConnectionString"
          ? { url: params.datasource.url } : datasource);
        return { databaseName: databaseName(requireUrl(datasource)) };
      }
      case "getDatabaseVersion":
        return engine.version(params ?? null);
      case "diff": {
        const result = await engine.diff(params);
        // The native engine hands the diff to the CLI as a `print` request and returns no stdout.
        if (result.stdout !== null && result.stdout !== undefined) await printThroughCli(result.stdout);
        return { exitCode: result.exitCode, stdout: null };
      }
      case "devDiagnostic":
        lastDevDiagnostic = params;
        return engine.devDiagnostic(params);
      default: {
        if (typeof engine[method] !== "function") throw new Error(`Method not found: ${method}`);
        try {
          return await engine[method](params);
        } catch (error) {
          // After applyMigrations applied something, the engine forgets its shadow-DB factory until
          // devDiagnostic runs again (STACK.md, pitfall 4).
          if (lastDevDiagnostic && /shadow DB must be provided/i.test(String(error?.message ?? error))) {
            await engine.devDiagnostic(lastDevDiagnostic);
            return engine[method](params);
          }
          throw error;
        }
      }
    }
  }

  function printThroughCli(content) {
    const id = `print-${randomUUID()}`;
    return new Promise((resolve) => {
      cliCalls.set(id, resolve);
      send({ jsonrpc: "2.0", id, method: "print", params: { content } });
    });
  }
}

function send(message) {
  process.stdout.write(JSON.stringify(message) + "\n");
}

function engineError(error) {
  const data = normaliseEngineError(error);
  return { code: 4466, message: "An error happened. Check the data field for details.", data };
}

function panicError(error) {
  return {
    code: 4466,
    message: "An error happened. Check the data field for details.",
    data: { is_panic: true, message: panicRegistry.message || String(error?.message ?? error), backtrace: String(error?.stack ?? "") },
  };
}

function normaliseEngineError(error) {
  if (error && typeof error === "object" && "is_panic" in error) return error;
  const text = String(error?.message ?? error);
  try {
    const parsed = JSON.parse(text);
    if (parsed && typeof parsed === "object") return { is_panic: false, ...parsed };
  } catch {
    // not JSON: a plain message
  }
  return { is_panic: false, message: text, meta: error?.meta ?? null, error_code: error?.error_code ?? error?.code ?? null };
}

function logError(message, errorCode) {
  process.stderr.write(
    JSON.stringify({
      timestamp: new Date().toISOString(),
      level: "ERROR",
      fields: { message, error_code: errorCode, error: message },
      target: "schema_engine::logger",
    }) + "\n",
  );
}

// ---------------------------------------------------------------------------------------------
// The WASM engine and its database adapter.

// The WASM glue reports a Rust panic's message through this global before it traps.
const panicRegistry = { message: "", set_message(message) { this.message = message; } };
globalThis.PRISMA_WASM_PANIC_REGISTRY = panicRegistry;

async function loadEngine(ds) {
  const gluePath = fileURLToPath(import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const glue = await import(pathToFileURL(gluePath).href);
  const pkgDir = dirname(gluePath);
  const bytes = readFileSync(join(pkgDir, "schema_engine_bg.wasm"));
  // Instantiate by hand so Node needs no --experimental-wasm-modules flag.
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();

  // Commands such as `migrate diff` start the engine without a schema; the engine still needs one
  // datamodel to know its provider.
  const datamodels = args.datamodels.length > 0
    ? args.datamodels.map((file) => [file, readFileSync(file, "utf8")])
    : [["schema.prisma", 'datasource db {\n  provider = "postgresql"\n}\n']];
  const factory = bindMigrationAwareSqlAdapterFactory(new ScriptSafePgFactory(ds));
  const log = (line) => process.stderr.write(`${typeof line === "string" ? line : JSON.stringify(line)}\n`);
  return glue.SchemaEngine.new({ datamodels }, log, factory);
}

// adapter-pg, mended where the schema engine trips over it (STACK.md "adapter-pg pitfalls").
class ScriptSafePgFactory {
  provider = "postgres";
  adapterName = "@prisma/adapter-pg";

  constructor(ds) {
    this.url = ds.url ?? "";
    this.shadowUrl = ds.shadowDatabaseUrl ?? null;
  }

  async connect() {
    // The engine connects even for commands that never query (diff from empty to a schema); a
    // pool does not dial until its first query, so an unset URL fails only when really used.
    const url = this.url || "postgresql://database-url-not-set.invalid/none";
    return mend(await new PrismaPg({ connectionString: url }).connect());
  }

  // adapter-pg would create the "shadow" inside the main database (the connection string wins
  // over its `database` option), so we create and drop a throwaway database ourselves.
  async connectToShadowDb() {
    if (this.shadowUrl) {
      return mend(await new PrismaPg({ connectionString: this.shadowUrl }).connect());
    }
    const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
    const admin = adminUrl(this.url);
    await withClient(admin, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
    const adapter = mend(await new PrismaPg({ connectionString: withDatabase(this.url, name) }).connect());
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await withClient(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`));
    };
    return adapter;
  }
}

const KNOWN_OIDS = new Set([
  16, 17, 19, 20, 21, 23, 25, 26, 114, 142, 650, 700, 701, 790, 869, 1042, 1043, 1082, 1083, 1114, 1184,
  1266, 1560, 1562, 1700, 2950, 3802, 1561, 1000, 1001, 1014, 1002, 651, 1182, 1021, 1022, 1041, 1005, 1007,
  1016, 3807, 199, 791, 1231, 1028, 1009, 1115, 1185, 1183, 2951, 1563, 1015, 143,
]);
const PG_CHAR_OID = 18;
const TEXT_OID = 25;
const FIRST_NORMAL_OBJECT_ID = 16384;

function mend(adapter) {
  // (2) executeScript splits on ";" and breaks $$-quoted function bodies: send scripts whole.
  adapter.executeScript = async (script) => {
    try {
      await adapter.client.query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  // (1) introspection selects catalog columns of type "char" (OID 18), which adapter-pg refuses:
  // report them as Character, and any other catalog type as text.
  const performIO = adapter.performIO.bind(adapter);
  // performIO and queryRaw run back to back for each query, so the last query's char columns
  // are the ones queryRaw is about to map.
  let lastChars = [];
  adapter.performIO = async (query) => {
    const result = await performIO(query);
    const chars = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID === PG_CHAR_OID) chars.push(index);
      if (field.dataTypeID < FIRST_NORMAL_OBJECT_ID && !KNOWN_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    });
    lastChars = chars;
    return result;
  };
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of lastChars) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  return adapter;
}

// ---------------------------------------------------------------------------------------------
// Helpers

function parseArgs(argv) {
  const out = { datamodels: [], datasource: null, version: false, cli: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--datamodels") out.datamodels.push(argv[++i]);
    else if (arg === "--datasource") out.datasource = argv[++i];
    else if (arg === "--version" || arg === "-V") out.version = true;
    else if (arg === "cli") out.cli = argv[++i];
    else if (arg === "--enabled-preview-features" || arg === "--extension-types") i++;
  }
  return out;
}

function requireUrl(ds) {
  if (!ds?.url) {
    throw Object.assign(new Error("No database URL: set DATABASE_URL or use the project's launcher."), { code: "P1012" });
  }
  return ds.url;
}

function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
}

function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

function adminUrl(url) {
  return withDatabase(url, "postgres");
}

function quoteIdent(name) {
  return `"${name.replaceAll('"', '""')}"`;
}

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    const code = /does not exist/.test(error.message) ? "P1003" : "P1001";
    throw Object.assign(new Error(error.message), { code });
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
