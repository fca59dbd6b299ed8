import { mkdirSync } from "node:fs";
import { connect, createServer } from "node:net";
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
  let server: Awaited<ReturnType<typeof servePglite>>;
  try {
    server = await servePglite(pglite, { port: options.port, maxConnections: options.maxConnections ?? 20 });
  } catch (error) {
    await pglite.close();
    throw error;
  }
  return {
    url: embeddedUrl(options.port),
    stop: async () => {
      await server.stop();
      await pglite.close();
    },
  };
}

/**
 * Serves a PGlite database on a loopback port, sharing its one session safely among connections.
 * Port 0 lets the OS pick a free one (tests: random picks collided in CI); `port` is the bound one.
 */
export async function servePglite(
  pglite: PGlite,
  options: { port: number; maxConnections: number },
): Promise<{ port: number; stop: () => Promise<void> }> {
  const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: options.port, maxConnections: options.maxConnections });
  keepExtendedQueriesWhole((server as unknown as { queryQueue: QueryQueue }).queryQueue);
  await server.start();
  const port = Number(server.getServerConn().split(":").pop());
  return { port, stop: () => server.stop() };
}

// pglite-socket 0.2.17 queues connections' messages one protocol message at a time and keeps a
// connection's turn only while a transaction is open. A parameterised query outside a transaction
// is several messages (Parse, Bind, Describe, Execute, Sync) that node-postgres writes separately,
// so another connection's Parse could land between them and replace the unnamed statement:
// "bind message supplies 4 parameters, but prepared statement "" requires 2". We replace the
// queue's scheduler with one that also keeps the turn from a connection's first extended-protocol
// message until its Sync. (Also: the original leaves `processing` set after a failed message,
// which stalls the queue for good.) It also shares named statements among the connections.
type QueueItem = {
  handlerId: number;
  message: Uint8Array;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
  onData: (data: Uint8Array) => void;
};
type QueryQueue = {
  queue: QueueItem[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue: () => Promise<void>;
  clearQueueForHandler: (handlerId: number) => void;
};

const PARSE = "P".charCodeAt(0);
const PARSE_COMPLETE = new Uint8Array([0x31, 0, 0, 0, 4]);

/** The statement name of a Parse message, or null for any other message or an unnamed Parse. */
function preparedName(message: Uint8Array): string | null {
  if (message[0] !== PARSE || message.length < 6) return null;
  const end = message.indexOf(0, 5);
  if (end <= 5) return null;
  return Buffer.from(message.buffer, message.byteOffset + 5, end - 5).toString("utf8");
}

const EXTENDED = new Set(["P", "B", "D", "E", "C", "H"].map((c) => c.charCodeAt(0)));
const ENDS_TURN = new Set(["S", "Q", "X"].map((c) => c.charCodeAt(0)));

function keepExtendedQueriesWhole(queue: QueryQueue): void {
  const midSequence = new Set<number>();
  // Named statements live in the session, which every connection shares here, while each
  // node-postgres connection remembers only the ones it prepared itself: a second connection's
  // Parse of a name would fail with "prepared statement already exists".
  const prepared = new Set<string>();

  queue.processQueue = async () => {
    if (queue.processing || queue.queue.length === 0) return;
    queue.processing = true;
    try {
      while (queue.queue.length > 0) {
        const owner = queue.lastHandlerId;
        const sticky = owner !== null && (queue.db.isInTransaction() || midSequence.has(owner));
        const index = sticky ? queue.queue.findIndex((item) => item.handlerId === owner) : 0;
        // The owner's next message has not arrived yet: wait for it (enqueue calls us again).
        if (index === -1) break;
        const [item] = queue.queue.splice(index, 1);
        if (!item) break;
        const named = preparedName(item.message);
        if (named !== null && prepared.has(named)) {
          // Already prepared in the shared session by some connection: the same name is the same
          // text (lib/db/statement-names.ts), so answer ParseComplete as PostgreSQL would have.
          midSequence.add(item.handlerId);
          queue.lastHandlerId = item.handlerId;
          item.onData(PARSE_COMPLETE);
          item.resolve(PARSE_COMPLETE.length);
          continue;
        }
        let bytes = 0;
        let firstByte: number | undefined;
        try {
          await queue.db.runExclusive(() =>
            queue.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                firstByte ??= data[0];
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          midSequence.delete(item.handlerId);
          item.reject(error);
          continue;
        }
        if (named !== null && firstByte === PARSE_COMPLETE[0]) prepared.add(named);
        const type = item.message[0] ?? 0;
        if (ENDS_TURN.has(type)) midSequence.delete(item.handlerId);
        else if (EXTENDED.has(type)) midSequence.add(item.handlerId);
        queue.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      queue.processing = false;
    }
  };

  // A connection that goes away mid-sequence must not keep the turn.
  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId) => {
    clear(handlerId);
    if (midSequence.delete(handlerId) && queue.lastHandlerId === handlerId) queue.lastHandlerId = null;
    void queue.processQueue();
  };
}

/** Whether something (the console's embedded database, usually) accepts connections on this loopback port. */
export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** The URL of the embedded database on its port (the same one startEmbeddedDatabase returns). */
export function embeddedUrl(port: number): string {
  return `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
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
