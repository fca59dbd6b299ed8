import { vi } from "vitest";

/** The code the outbox delivered while `run` ran (the development sender prints it to the log: lib/otp/outbox.ts). */
export async function deliveredCode(run: () => Promise<unknown>): Promise<string> {
  const log = vi.spyOn(console, "info").mockImplementation(() => {});
  try {
    await run();
    const line = log.mock.calls.map((c) => String(c[0])).find((l) => l.startsWith("[outbox]"));
    const code = line?.match(/code is (\d{6})/)?.[1];
    if (!code) throw new Error(`no OTP delivered: ${JSON.stringify(log.mock.calls)}`);
    return code;
  } finally {
    log.mockRestore();
  }
}
