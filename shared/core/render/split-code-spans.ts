// Splits a line of markdown into code spans and the text between them, as CommonMark pairs
// backtick runs: a run opens a span only if a run of the same length closes it.

export interface InlinePart {
  code: boolean;
  text: string;
}

export function splitCodeSpans(line: string): InlinePart[] {
  const parts: InlinePart[] = [];
  let textStart = 0;
  let i = 0;
  while (i < line.length) {
    if (line[i] === "\\") {
      i += 2;
      continue;
    }
    if (line[i] !== "`") {
      i += 1;
      continue;
    }
    const runEnd = endOfRun(line, i);
    const close = findClosingRun(line, runEnd, runEnd - i);
    if (close === -1) {
      i = runEnd;
      continue;
    }
    parts.push({ code: false, text: line.slice(textStart, i) });
    parts.push({ code: true, text: trimCodeSpan(line.slice(runEnd, close)) });
    i = close + (runEnd - i);
    textStart = i;
  }
  parts.push({ code: false, text: line.slice(textStart) });
  return parts.filter((part) => part.text !== "" || part.code);
}

function endOfRun(line: string, start: number): number {
  let end = start;
  while (line[end] === "`") end += 1;
  return end;
}

function findClosingRun(line: string, from: number, length: number): number {
  let k = from;
  while (k < line.length) {
    if (line[k] !== "`") {
      k += 1;
      continue;
    }
    const end = endOfRun(line, k);
    if (end - k === length) return k;
    k = end;
  }
  return -1;
}

/** One leading and one trailing space go when both are there (and the span is not all spaces). */
function trimCodeSpan(content: string): string {
  const flat = content.replace(/\n/g, " ");
  return flat.length >= 2 && flat.startsWith(" ") && flat.endsWith(" ") && flat.trim() !== ""
    ? flat.slice(1, -1)
    : flat;
}
