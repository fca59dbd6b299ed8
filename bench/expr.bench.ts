import { createRequire } from "node:module";
import { Environment } from "@marcbachmann/cel-js";
import jsonata from "jsonata";
import { buildSchema, check, compile } from "../lib/expr/index";
import { buildContexts, CASES } from "./expr-cases";

// Condition evaluation speed: ours vs @marcbachmann/cel-js, jexl and jsonata on the SPEC §5.3
// examples. Each engine compiles each expression once, then evaluates it on 1024 varied events in
// a cycle for a fixed time slice after a warm-up. jsonata is async only: each evaluation is
// awaited, which is how the engine would have to call it.
// Output: `expr <id> <engine> <evals-per-second>` lines, then `expr ratio-vs-cel <geomean>`.

interface JexlExpression {
  evalSync(context: unknown): unknown;
}
interface JexlInstance {
  compile(expression: string): JexlExpression;
  addTransform(name: string, fn: (value: unknown) => unknown): void;
}

const require = createRequire(import.meta.url);
const jexl = require("jexl") as JexlInstance;

const WARMUP_MS = 100;
const MEASURE_MS = 300;
const contexts = buildContexts(1024);
const MASK = contexts.length - 1;

const isWeekday = (value: unknown) => {
  const day = new Date(String(value)).getUTCDay();
  return day >= 1 && day <= 5;
};
jexl.addTransform("isWeekday", isWeekday);

const schema = buildSchema({
  extendedFields: [{ name: "member_card_swiped", scope: "TRANSACTION", type: "enum", allowedValues: ["Yes", "No"] }],
});

const cel = new Environment({ unlistedVariablesAreDyn: true });

/** Runs `run(ctx)` in batches until the time slice is spent; returns evaluations per second. */
function measureSync(run: (ctx: Record<string, unknown>) => unknown): number {
  let sink = 0;
  const loop = (ms: number) => {
    let n = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      for (let i = 0; i < 4096; i++) if (run(contexts[(n + i) & MASK]!) === true) sink++;
      n += 4096;
      elapsed = performance.now() - start;
    } while (elapsed < ms);
    return (n / elapsed) * 1000;
  };
  loop(WARMUP_MS);
  const rate = loop(MEASURE_MS);
  if (sink < 0) console.log(sink);
  return rate;
}

async function measureAsync(run: (ctx: Record<string, unknown>) => Promise<unknown>): Promise<number> {
  const loop = async (ms: number) => {
    let n = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      for (let i = 0; i < 256; i++) await run(contexts[(n + i) & MASK]!);
      n += 256;
      elapsed = performance.now() - start;
    } while (elapsed < ms);
    return (n / elapsed) * 1000;
  };
  await loop(WARMUP_MS);
  return loop(MEASURE_MS);
}

function agree(id: string, engine: string, ours: (ctx: Record<string, unknown>) => boolean, other: (ctx: Record<string, unknown>) => unknown): void {
  // Only the first events: enough to catch an equivalent that is not one, without slowing the bench.
  for (const ctx of contexts.slice(0, 64)) {
    if (ours(ctx) !== (other(ctx) === true)) console.error(`warning: ${engine} disagrees with ours on ${id}`);
  }
}

async function main(): Promise<void> {
  const ratios: number[] = [];
  for (const c of CASES) {
    const checked = check(c.ours, schema);
    if (!checked.ok) throw new Error(`${c.id}: ${checked.diagnostics.map((d) => d.message).join(" ")}`);
    const ours = compile(checked);
    const evaluateOurs = (ctx: Record<string, unknown>) => ours.evaluate(ctx);
    const celExpr = cel.parse(c.cel);
    const evaluateCel = (ctx: Record<string, unknown>) => celExpr(ctx);
    const jexlExpr = jexl.compile(c.jexl);
    const evaluateJexl = (ctx: Record<string, unknown>) => jexlExpr.evalSync(ctx);
    const jsonataExpr = jsonata(c.jsonata);
    jsonataExpr.registerFunction("isWeekday", isWeekday, "<x:b>");
    agree(c.id, "cel-js", evaluateOurs, evaluateCel);
    agree(c.id, "jexl", evaluateOurs, evaluateJexl);

    const oursRate = measureSync(evaluateOurs);
    const celRate = measureSync(evaluateCel);
    const jexlRate = measureSync(evaluateJexl);
    const jsonataRate = await measureAsync((ctx) => jsonataExpr.evaluate(ctx));
    console.log(`expr ${c.id} ours ${Math.round(oursRate)}`);
    console.log(`expr ${c.id} cel-js ${Math.round(celRate)}`);
    console.log(`expr ${c.id} jexl ${Math.round(jexlRate)}`);
    console.log(`expr ${c.id} jsonata ${Math.round(jsonataRate)}`);
    ratios.push(oursRate / celRate);
  }
  const geomean = Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length);
  console.log(`expr ratio-vs-cel ${geomean.toFixed(2)}`);
}

await main();
