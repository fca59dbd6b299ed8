// `.matches("regex")` runs author-written patterns on every event, so a pattern must not be able
// to hang the engine (catastrophic backtracking, e.g. `(a+)+$`). JavaScript's RegExp backtracks,
// so we only accept patterns whose worst case stays polynomial and small, and we cap the input:
// - no quantifier on a group that itself contains a quantifier or an alternation (`(a+)+`,
//   `(a|aa)*`): the source of exponential blow-up;
// - no backreferences and no lookaround;
// - at most MAX_UNBOUNDED unbounded quantifiers (`*`, `+`, `{n,}`, `{n,m}` with m > 16);
// - the pattern is at most MAX_PATTERN characters; text longer than MAX_INPUT never matches.
// `matches` is a full match, like Java's String.matches that Capillary's engine uses.

export const MAX_PATTERN = 200;
export const MAX_INPUT = 256;
const MAX_UNBOUNDED = 3;

interface GroupFrame {
  quantified: boolean;
  alternation: boolean;
}

/** Returns a reason the pattern is refused, or null when it is accepted. */
export function regexProblem(pattern: string): string | null {
  if (pattern.length > MAX_PATTERN) return `The pattern is longer than ${MAX_PATTERN} characters.`;
  try {
    new RegExp(pattern);
  } catch {
    return "The pattern is not a valid regular expression.";
  }
  const stack: GroupFrame[] = [{ quantified: false, alternation: false }];
  let unbounded = 0;
  let lastGroup: GroupFrame | null = null;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    const top = stack[stack.length - 1]!;
    if (c === "\\") {
      const e = pattern.charAt(i + 1);
      if ((e >= "1" && e <= "9") || e === "k") return "Backreferences (\\1, \\k<name>) are not allowed.";
      i++;
      lastGroup = null;
    } else if (c === "[") {
      i = skipClass(pattern, i);
      lastGroup = null;
    } else if (c === "(") {
      if (pattern.startsWith("(?=", i) || pattern.startsWith("(?!", i) || pattern.startsWith("(?<=", i) || pattern.startsWith("(?<!", i)) {
        return "Lookahead and lookbehind are not allowed.";
      }
      stack.push({ quantified: false, alternation: false });
      lastGroup = null;
    } else if (c === ")") {
      const closed = stack.pop() ?? { quantified: false, alternation: false };
      const parent = stack[stack.length - 1] ?? stack[0]!;
      if (stack.length === 0) stack.push(parent);
      parent.quantified ||= closed.quantified;
      lastGroup = closed;
    } else if (c === "|") {
      top.alternation = true;
      lastGroup = null;
    } else if (c === "*" || c === "+" || c === "{" || c === "?") {
      const [repeats, isUnbounded, width] = quantifier(pattern, i);
      if (width === 0) {
        lastGroup = null;
        continue;
      }
      i += width - 1;
      if (pattern.charAt(i + 1) === "?") i++;
      if (repeats && lastGroup && (lastGroup.quantified || lastGroup.alternation)) {
        return "A repeated group cannot itself contain a repetition or a choice (|); it can make matching extremely slow.";
      }
      if (isUnbounded && ++unbounded > MAX_UNBOUNDED) return `At most ${MAX_UNBOUNDED} open-ended repetitions (*, +) are allowed.`;
      if (repeats) top.quantified = true;
      lastGroup = null;
    } else {
      lastGroup = null;
    }
  }
  return null;
}

const cache = new Map<string, RegExp>();

/** Full-match test of an accepted pattern; false for refused patterns and over-long text. */
export function safeMatches(text: string, pattern: string): boolean {
  if (text.length > MAX_INPUT) return false;
  let re = cache.get(pattern);
  if (!re) {
    if (regexProblem(pattern) !== null) return false;
    re = new RegExp(`^(?:${pattern})$`);
    if (cache.size > 500) cache.clear();
    cache.set(pattern, re);
  }
  return re.test(text);
}

/** [repeats more than once, unbounded, characters used]; width 0 when `{` is a literal brace. */
function quantifier(pattern: string, i: number): [boolean, boolean, number] {
  const c = pattern.charAt(i);
  if (c === "*" || c === "+") return [true, true, 1];
  if (c === "?") return [false, false, 1];
  const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
  if (!m) return [false, false, 0];
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : m[3] === "" || m[3] === undefined ? Infinity : Number(m[3]);
  return [max > 1, max > 16, m[0].length];
}

function skipClass(pattern: string, start: number): number {
  let i = start + 1;
  if (pattern.charAt(i) === "]") i++;
  for (; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === "\\") i++;
    else if (c === "]") return i;
  }
  return pattern.length;
}
