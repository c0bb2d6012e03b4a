// Lists the headings of a markdown text with their levels, skipping fenced code. Bold lines
// count as headings below `######` (level 7), so a `## Rollout` section may contain them.
import { closesCodeFence, openCodeFence, type CodeFence } from "./code-fence.js";
import { readAtxHeading, readBoldHeading, readSetextUnderline } from "./read-heading.js";

export const BOLD_LEVEL = 7;

export interface Heading {
  /** Index of the heading's (text) line. */
  line: number;
  /** Index of the first line after the heading. */
  contentStart: number;
  /** 1-6 for ATX and setext headings, 7 for bold lines. */
  level: number;
  text: string;
  /**
   * A bold label with text after it (`**Rollout:** canary first`): it can start a section, with
   * `rest` as its first line, and ends only a section started the same way.
   */
  rest?: string;
}

/** A line a setext underline could turn into a heading: text, not a list item or a quote. */
function isParagraphLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed === "" || trimmed.startsWith(">")) return false;
  return !/^(?:[-*+]|\d{1,9}[.)])(?:\s|$)/.test(trimmed);
}

/** Linear in the text: each line is read a bounded number of times. */
export function findHeadings(lines: readonly string[]): Heading[] {
  const headings: Heading[] = [];
  let fence: CodeFence | null = null;
  let previousIsParagraph = false;
  lines.forEach((line, index) => {
    if (fence !== null) {
      if (closesCodeFence(line, fence)) fence = null;
      previousIsParagraph = false;
      return;
    }
    fence = openCodeFence(line);
    const setext = previousIsParagraph ? readSetextUnderline(line) : null;
    const previous = lines[index - 1];
    if (fence === null && setext !== null && previous !== undefined) {
      // `**Rollout**` underlined is one level-2 heading, not a bold line and a heading.
      if (headings.at(-1)?.line === index - 1) headings.pop();
      headings.push({
        line: index - 1,
        contentStart: index + 1,
        level: setext,
        text: previous.trim(),
      });
      previousIsParagraph = false;
      return;
    }
    const atx = fence === null ? readAtxHeading(line) : null;
    if (atx !== null) {
      headings.push({ line: index, contentStart: index + 1, ...atx });
      previousIsParagraph = false;
      return;
    }
    const bold = fence === null ? readBoldHeading(line) : null;
    if (bold !== null)
      headings.push({ line: index, contentStart: index + 1, level: BOLD_LEVEL, ...bold });
    previousIsParagraph = fence === null && isParagraphLine(line);
  });
  return headings;
}
