// The configured patterns (`linked-risks.patterns`) run in RE2 (re2js, pure JavaScript), not in
// JavaScript's backtracking engine: there `(a+)+$` against 40 a's never returns, and the pull
// request author writes the text. RE2 is linear in the text for every pattern, but re2js is an
// interpreter (up to ~0.3 µs per character and instruction), so each search is also charged and
// stops at a fixed budget: the verdict stays deterministic and the gate answers in well under a
// second whatever the pattern and the body.
import { RE2JS } from "re2js";

/** Larger RE2 programs are refused at validation; real reference patterns are 5 to 50. */
export const MAX_PATTERN_PROGRAM = 200;
/** What one body's pattern searches may cost, in characters × program size × (1 + groups). */
export const MAX_PATTERN_WORK = 4_000_000;

export interface UserPattern {
  regex: RE2JS;
  /** The cost of searching one character. */
  weight: number;
}

export type CompiledPattern = { ok: true; pattern: UserPattern } | { ok: false; reason: string };

/**
 * Compiles `source` as RE2 syntax; JavaScript's `\u{…}` and `(?<name>…)` are accepted as well.
 * RE2 has no lookaround and no backreferences: such patterns are refused with RE2's reason.
 */
export function compileUserPattern(source: string): CompiledPattern {
  let regex: RE2JS;
  try {
    regex = RE2JS.compile(RE2JS.translateRegExp(source));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      reason: `is not a regular expression RE2 accepts (no lookaround or backreferences): ${why}`,
    };
  }
  const size = regex.programSize();
  if (size > MAX_PATTERN_PROGRAM) {
    return {
      ok: false,
      reason: `is too complex: its RE2 program has ${size} instructions, at most ${MAX_PATTERN_PROGRAM} are allowed (write a shorter pattern, e.g. fewer or smaller {n,m} repeats)`,
    };
  }
  return { ok: true, pattern: { regex, weight: size * (1 + regex.groupCount()) } };
}

/** Shared by the searches of one body; `cut` once a search was stopped for lack of it. */
export interface PatternBudget {
  left: number;
  cut: boolean;
}

export function createPatternBudget(): PatternBudget {
  return { left: MAX_PATTERN_WORK, cut: false };
}

export interface PatternMatch {
  index: number;
  text: string;
}

/**
 * The non-empty matches of `pattern` in `text`, line by line (a reference never spans lines, and
 * `^`/`$` mean a line's start and end). Each attempt is charged as if it read the rest of its
 * line; when the budget cannot pay for one, the search stops and marks the budget cut.
 */
export function* matchUserPattern(
  pattern: UserPattern,
  text: string,
  budget: PatternBudget,
): Generator<PatternMatch> {
  for (let start = 0; start <= text.length;) {
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline;
    if (end > start) {
      const line = text.slice(start, end);
      const matcher = pattern.regex.matcher(line);
      for (let from = 0; from <= line.length;) {
        const cost = (line.length - from + 1) * pattern.weight;
        if (cost > budget.left) {
          budget.cut = true;
          return;
        }
        budget.left -= cost;
        if (!matcher.find()) break;
        const match = matcher.group() ?? "";
        if (match !== "") yield { index: start + matcher.start(), text: match };
        from = Math.max(matcher.end(), from + 1);
      }
    }
    start = end + 1;
  }
}
