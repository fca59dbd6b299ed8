import { z } from "zod";

// Runs in the browser before any of the console's code (Next.js instrumentation-client). Zod
// compiles object parsers with `new Function` when it may, and probes for that on its first
// schema; under the console's Content-Security-Policy (no 'unsafe-eval', lib/security/csp.ts) the
// probe is refused and reported as a violation. Zod's interpreter is fast enough for forms; on
// the server, where no policy applies, it keeps compiling.
z.config({ jitless: true });
