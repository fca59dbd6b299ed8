import { Logger, type LogLevel } from "graphile-worker";

// graphile-worker's log lines in the console's format; its debug chatter (every poll) stays out.
export const jobsLogger = new Logger(() => (level: LogLevel, message: string) => {
  if (level === "debug") return;
  const line = `[jobs] ${message}`;
  if (level === "error") console.error(line);
  else if (level === "warning") console.warn(line);
  else console.log(line);
});

/** For schema setup in tests and migrations: only errors are worth a line. */
export const quietJobsLogger = new Logger(() => (level: LogLevel, message: string) => {
  if (level === "error") console.error(`[jobs] ${message}`);
});
