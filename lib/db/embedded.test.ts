import { PGlite } from "@electric-sql/pglite";
import { connect, type Socket } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { servePglite } from "./embedded";

// PGlite is one session; the socket server shares it among connections. Queries with parameters
// use PostgreSQL's extended protocol (Parse, Bind, Execute, Sync as separate messages); if two
// connections' messages interleave, one binds the other's statement ("bind message supplies 4
// parameters, but prepared statement requires 2"). Seen in the console under load.
describe("the embedded database under concurrent connections", () => {
  let pglite: PGlite;
  let stop: () => Promise<void>;
  let port: number;

  beforeAll(async () => {
    pglite = await PGlite.create("memory://");
    const server = await servePglite(pglite, { port: 0, maxConnections: 8 });
    port = server.port;
    stop = () => server.stop();
    // Starting PGlite (WASM compile and initdb) takes seconds, far more on a busy CI machine.
  }, 120_000);

  afterAll(async () => {
    await stop();
    await pglite.close();
  });

  it("keeps each connection's parameterised queries whole", async () => {
    const pool = new pg.Pool({ connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres`, max: 6 });
    try {
      const runs = Array.from({ length: 300 }, (_, i) =>
        i % 2 === 0
          ? pool.query<{ a: number }>("SELECT $1::int AS a, $2::text AS b", [i, `x${i}`]).then((r) => r.rows[0]?.a)
          : pool.query<{ a: number }>("SELECT $1::int + $2::int + $3::int + $4::int AS a", [i, 0, 0, 0]).then((r) => r.rows[0]?.a),
      );
      expect(await Promise.all(runs)).toEqual(Array.from({ length: 300 }, (_, i) => i));
    } finally {
      await pool.end();
    }
  });

  it("does not let another connection's query slip between one connection's Parse and Bind", async () => {
    const a = await RawConnection.open(port);
    const b = await RawConnection.open(port);
    try {
      a.send(parse("SELECT $1::int + $2::int AS a"));
      await pause();
      const bDone = b.exchange(Buffer.concat([parse("SELECT $1::text AS b"), bind(["x"]), execute(), sync()]));
      await pause();
      const aReply = await a.exchange(Buffer.concat([bind(["1", "2"]), execute(), sync()]));
      const bReply = await bDone;
      expect(errorsIn(aReply)).toEqual([]);
      expect(errorsIn(bReply)).toEqual([]);
    } finally {
      a.close();
      b.close();
    }
  });

  it("still serves others after a connection drops in the middle", async () => {
    const dropped = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres` });
    await dropped.connect();
    void dropped.query("SELECT pg_sleep(0.05), $1::int", [1]).catch(() => {});
    await dropped.end().catch(() => {});
    const pool = new pg.Pool({ connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres`, max: 3 });
    try {
      const rows = await Promise.all([1, 2, 3].map((n) => pool.query<{ n: number }>("SELECT $1::int AS n", [n])));
      expect(rows.map((r) => r.rows[0]?.n)).toEqual([1, 2, 3]);
    } finally {
      await pool.end();
    }
  });
});

// A few PostgreSQL wire-protocol messages, written by hand so that one connection's Parse and Bind
// reach the server in separate packets, as they can under load.
const cstr = (text: string) => Buffer.from(`${text}\0`);
function message(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0);
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}
const int16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const parse = (sql: string) => message("P", Buffer.concat([cstr(""), cstr(sql), int16(0)]));
const bind = (values: string[]) =>
  message(
    "B",
    Buffer.concat([cstr(""), cstr(""), int16(0), int16(values.length), ...values.flatMap((v) => [int32(Buffer.byteLength(v)), Buffer.from(v)]), int16(0)]),
  );
const execute = () => message("E", Buffer.concat([cstr(""), int32(0)]));
const sync = () => message("S", Buffer.alloc(0));
const pause = () => new Promise((resolve) => setTimeout(resolve, 100));

/** The error messages in a server reply (ErrorResponse 'E', field 'M'). */
function errorsIn(reply: Buffer): string[] {
  const errors: string[] = [];
  for (let at = 0; at + 5 <= reply.length; ) {
    const type = String.fromCharCode(reply[at] ?? 0);
    const length = reply.readInt32BE(at + 1);
    if (type === "E") {
      const fields = reply.subarray(at + 5, at + 1 + length).toString().split("\0");
      errors.push(fields.find((f) => f.startsWith("M"))?.slice(1) ?? "error");
    }
    at += 1 + length;
  }
  return errors;
}

class RawConnection {
  private buffer = Buffer.alloc(0);
  private waiter: (() => void) | null = null;

  private constructor(private readonly socket: Socket) {
    socket.on("data", (data: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, data]);
      this.waiter?.();
    });
  }

  static async open(port: number): Promise<RawConnection> {
    const socket = connect(port, "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    const connection = new RawConnection(socket);
    const body = Buffer.concat([int32(196608), cstr("user"), cstr("postgres"), cstr("database"), cstr("postgres"), Buffer.from([0])]);
    await connection.exchange(Buffer.concat([int32(body.length + 4), body]));
    return connection;
  }

  send(data: Buffer): void {
    this.socket.write(data);
  }

  /** Sends and waits for ReadyForQuery ('Z'), returning everything the server said. */
  async exchange(data: Buffer): Promise<Buffer> {
    this.buffer = Buffer.alloc(0);
    this.send(data);
    while (!this.readyForQuery()) await new Promise<void>((resolve) => (this.waiter = resolve));
    return this.buffer;
  }

  private readyForQuery(): boolean {
    for (let at = 0; at + 5 <= this.buffer.length; ) {
      if (this.buffer[at] === "Z".charCodeAt(0)) return true;
      at += 1 + this.buffer.readInt32BE(at + 1);
    }
    return false;
  }

  close(): void {
    this.socket.end();
  }
}
