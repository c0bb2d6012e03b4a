// Removes fenced code blocks and inline code spans from markdown: an example such as
// `Risk: high` or `#12` inside code is not a declaration or a reference.
import { closesCodeFence, openCodeFence, type CodeFence } from "./code-fence.js";
import { splitLines } from "./split-lines.js";

interface Run {
  start: number;
  length: number;
}

function backtickRuns(text: string): Run[] {
  const runs: Run[] = [];
  for (let i = text.indexOf("`"); i >= 0; i = text.indexOf("`", i)) {
    const start = i;
    while (text[i] === "`") i += 1;
    runs.push({ start, length: i - start });
  }
  return runs;
}

/**
 * A code span opens at a run of backticks and closes at the next run of the same length; a run
 * with no partner is literal text. Linear: each run's partner is found by a right-to-left pass.
 */
function stripCodeSpans(paragraph: string): string {
  const runs = backtickRuns(paragraph);
  if (runs.length < 2) return paragraph;
  const partner: (number | undefined)[] = [];
  const nextOfLength = new Map<number, number>();
  for (let r = runs.length - 1; r >= 0; r -= 1) {
    const run = runs[r] as Run;
    partner[r] = nextOfLength.get(run.length);
    nextOfLength.set(run.length, r);
  }
  const parts: string[] = [];
  let from = 0;
  for (let r = 0; r < runs.length; r += 1) {
    const close = partner[r];
    if (close === undefined) continue;
    const open = runs[r] as Run;
    const end = runs[close] as Run;
    parts.push(paragraph.slice(from, open.start), " ");
    from = end.start + end.length;
    r = close;
  }
  parts.push(paragraph.slice(from));
  return parts.join("");
}

/** Code spans do not cross paragraphs (blank lines), so each paragraph is stripped alone. */
export function stripCode(markdown: string): string {
  const kept: string[] = [];
  const paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length > 0) kept.push(stripCodeSpans(paragraph.join("\n")));
    paragraph.length = 0;
  };
  let fence: CodeFence | null = null;
  for (const line of splitLines(markdown)) {
    if (fence !== null) {
      if (closesCodeFence(line, fence)) fence = null;
      continue;
    }
    fence = openCodeFence(line);
    if (fence !== null || line.trim() === "") {
      flush();
      kept.push("");
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return kept.join("\n");
}

/**
 * Blanks fenced code blocks, fences included, keeping one (empty) line for each line so line
 * structure survives; inline code is kept. A pasted example is not the author's answer.
 */
export function stripCodeBlocks(markdown: string): string {
  const kept: string[] = [];
  let fence: CodeFence | null = null;
  for (const line of splitLines(markdown)) {
    if (fence !== null) {
      if (closesCodeFence(line, fence)) fence = null;
      kept.push("");
      continue;
    }
    fence = openCodeFence(line);
    kept.push(fence === null ? line : "");
  }
  return kept.join("\n");
}
