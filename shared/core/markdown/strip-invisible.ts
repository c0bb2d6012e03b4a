// Removes from markdown what a reader never sees: link destinations and titles, whole images
// (source and alt text), link reference definitions and HTML tags. `[x](javascript:alert(1))`
// shows "x": the word "alert" in its target must not answer "Monitoring".
//
// Hand-written, not a markdown library: micromark (the best-kept CommonMark parser) took 8 s on
// 64 KB of `*a_[`<` and grows quadratically on `[a]` repeated (2.7 s at 64 KB, 48 s at 256 KB).
// This scan follows CommonMark's inline link grammar and is linear: attempts to read a link's
// target share a budget, and once it is spent the rest of the text counts as hidden, which can
// only make the gate stricter.

/** CommonMark (cmark) stops reading a destination past this many nested parentheses. */
const MAX_PAREN_DEPTH = 32;
/** Characters that link-target attempts may read per character of text, in total. */
const ATTEMPT_BUDGET_PER_CHAR = 16;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const BLANK_LINE = /\n[ \t]*\n/g;

interface Opener {
  at: number;
  image: boolean;
}

/** Hidden ranges [start, end) in order; their line breaks are kept so lines stay lines. */
type Ranges = [number, number][];

function isSpace(char: string | undefined): boolean {
  return char === " " || char === "\t";
}

/** Skips spaces and tabs and at most one line ending; returns the index after them. */
function skipWhitespace(text: string, from: number): number {
  let i = from;
  while (isSpace(text[i])) i += 1;
  if (text[i] === "\n") {
    i += 1;
    while (isSpace(text[i])) i += 1;
  }
  return i;
}

/** True when the line after the line break at `at` is blank. */
function blankLineAfter(text: string, at: number): boolean {
  let i = at + 1;
  while (isSpace(text[i])) i += 1;
  return i >= text.length || text[i] === "\n";
}

/**
 * Reads `(destination "title")` from the `(` at `open`: `end` is the index after the closing `)`,
 * or -1 when CommonMark would not read a link there; `read` is how far the attempt looked.
 */
function readInlineTarget(text: string, open: number): { end: number; read: number } {
  const fail = (at: number) => ({ end: -1, read: at - open });
  let i = skipWhitespace(text, open + 1);
  if (text[i] === "<") {
    for (i += 1; i < text.length && text[i] !== ">"; i += 1) {
      if (text[i] === "\n" || text[i] === "<") return fail(i);
      if (text[i] === "\\") i += 1;
    }
    if (i >= text.length) return fail(i);
    i += 1;
  } else {
    let depth = 0;
    for (; i < text.length; i += 1) {
      const char = text[i] as string;
      if (char === "\\" && ASCII_PUNCTUATION.test(text[i + 1] ?? "")) i += 1;
      else if (char <= " ") break;
      else if (char === "(" && ++depth > MAX_PAREN_DEPTH) return fail(i);
      else if (char === ")" && depth-- === 0) break;
    }
    if (depth > 0) return fail(i);
  }
  const afterDestination = i;
  i = skipWhitespace(text, i);
  const close = text[i] === '"' ? '"' : text[i] === "'" ? "'" : text[i] === "(" ? ")" : null;
  if (close !== null && i > afterDestination) {
    for (i += 1; i < text.length && text[i] !== close; i += 1) {
      if (text[i] === "\\") i += 1;
      else if (close === ")" && text[i] === "(") return fail(i);
      // A title does not run across a blank line.
      else if (text[i] === "\n" && blankLineAfter(text, i)) return fail(i);
    }
    if (i >= text.length) return fail(i);
    i = skipWhitespace(text, i + 1);
  }
  return text[i] === ")" ? { end: i + 1, read: i + 1 - open } : fail(i);
}

/** `[label]` right after a link's `]`: the index after it, or -1. */
function readReferenceLabel(text: string, open: number): number {
  for (let i = open + 1; i < text.length && i - open <= 1000; i += 1) {
    if (text[i] === "\\") i += 1;
    else if (text[i] === "[") return -1;
    else if (text[i] === "]") return i + 1;
  }
  return -1;
}

/**
 * `<tag ...>` or `</tag>` (markup GitHub renders, not text) at `at`: the index after its `>`, or
 * -1. Positions are asked in increasing order, so the next `>` and the next blank line are
 * looked up once each: linear however many `<` there are.
 */
function createTagReader(text: string): (at: number) => number {
  let close = -2;
  let blank = -2;
  return (at) => {
    const next = text[at + 1] ?? "";
    const name = next === "/" ? (text[at + 2] ?? "") : next;
    if (!/[A-Za-z]/.test(name)) return -1;
    if (close !== -1 && close < at) close = text.indexOf(">", at);
    if (close < 0) return -1;
    if (blank !== -1 && blank < at) {
      BLANK_LINE.lastIndex = at;
      blank = BLANK_LINE.exec(text)?.index ?? -1;
    }
    return blank >= 0 && blank < close ? -1 : close + 1;
  };
}

/** Lines of link reference definitions (`[label]: https://…`), with their continuation lines. */
function definitionRanges(text: string): Ranges {
  const ranges: Ranges = [];
  const lines = text.split("\n");
  let offset = 0;
  let skipUntil = -1;
  lines.forEach((line, index) => {
    const start = offset;
    offset += line.length + 1;
    if (index <= skipUntil) return;
    const match = /^ {0,3}\[(?:[^\]\\]|\\.){1,999}\]:[ \t]*(.*)$/.exec(line);
    if (match === null) return;
    let last = index;
    // The destination may sit on the next line, and a title on the line after it.
    if ((match[1] ?? "").trim() === "" && (lines[index + 1] ?? "").trim() !== "") last += 1;
    if (/^[ \t]*["'(]/.test(lines[last + 1] ?? "")) last += 1;
    skipUntil = last;
    const end = lines.slice(index, last + 1).join("\n").length + start;
    ranges.push([start, end]);
  });
  return ranges;
}

function linkRanges(text: string, hidden: Ranges): Ranges {
  const ranges: Ranges = [];
  const openers: Opener[] = [];
  const readTag = createTagReader(text);
  let budget = ATTEMPT_BUDGET_PER_CHAR * text.length;
  let inactiveBefore = -1;
  let definition = 0;
  for (let i = 0; i < text.length; i += 1) {
    while (definition < hidden.length && (hidden[definition] as [number, number])[1] <= i) {
      definition += 1;
    }
    const inDefinition = hidden[definition];
    if (inDefinition !== undefined && inDefinition[0] <= i) {
      i = inDefinition[1] - 1;
      continue;
    }
    const char = text[i];
    if (budget < 0) {
      ranges.push([i, text.length]);
      break;
    }
    if (char === "\\") i += 1;
    else if (char === "<") {
      const end = readTag(i);
      if (end > 0) {
        ranges.push([i, end]);
        i = end - 1;
      }
    } else if (char === "[") openers.push({ at: i, image: text[i - 1] === "!" });
    else if (char === "]") {
      const opener = openers.pop();
      if (opener === undefined || (!opener.image && opener.at < inactiveBefore)) continue;
      let end = -1;
      if (text[i + 1] === "(") {
        const target = readInlineTarget(text, i + 1);
        budget -= target.read;
        end = target.end;
      }
      if (end < 0 && text[i + 1] === "[") end = readReferenceLabel(text, i + 1);
      // `![alt]` alone is an image when `alt` is a defined label; hiding it either way is safe.
      if (end < 0 && opener.image) end = i + 1;
      if (end < 0) continue;
      if (opener.image) {
        // Remove what the image covers, including any markup recorded inside it.
        while (ranges.length > 0 && (ranges.at(-1) as [number, number])[0] >= opener.at - 1) {
          ranges.pop();
        }
        ranges.push([opener.at - 1, end]);
      } else {
        ranges.push([opener.at, opener.at + 1], [i, end]);
        // Links do not nest: brackets opened before this link cannot make one around it.
        inactiveBefore = opener.at;
      }
      i = end - 1;
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** The markdown with invisible parts removed; line breaks inside them are kept. */
export function stripInvisible(markdown: string): string {
  if (!/[[<]/.test(markdown)) return markdown;
  const definitions = definitionRanges(markdown);
  const ranges = [...definitions, ...linkRanges(markdown, definitions)].sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let from = 0;
  for (const [start, end] of ranges) {
    if (end <= from) continue;
    parts.push(markdown.slice(from, Math.max(from, start)));
    const hidden = markdown.slice(Math.max(from, start), end);
    parts.push("\n".repeat(hidden.split("\n").length - 1));
    from = end;
  }
  parts.push(markdown.slice(from));
  return parts.join("");
}
