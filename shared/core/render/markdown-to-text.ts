// Turns the markdown rules write into readable plain text for a terminal: tables become aligned
// columns, HTML tags and emphasis marks go, links show their address, escapes are undone.
import { splitCodeSpans } from "./split-code-spans.js";

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const HEADING = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/;
const RULE_LINE = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
/** Escaped characters are parked here while the markup around them is removed. */
const PARK = 0xe000;

export function markdownToText(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const out: string[] = [];
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const fenceMatch = FENCE.exec(line);
    if (fence !== null) {
      const run = fenceMatch?.[1] ?? "";
      const closes =
        run[0] === fence[0] && run.length >= fence.length && fenceMatch?.[2]?.trim() === "";
      if (closes) fence = null;
      else out.push(`    ${line}`);
      continue;
    }
    if (fenceMatch !== null && !(fenceMatch[1]?.startsWith("`") && fenceMatch[2]?.includes("`"))) {
      fence = fenceMatch[1] ?? "```";
      continue;
    }
    if (
      line.includes("|") &&
      DELIMITER_ROW.test(lines[i + 1] ?? "") &&
      (lines[i + 1] ?? "").includes("-")
    ) {
      const rows = [line];
      for (
        i += 2;
        i < lines.length && (lines[i] ?? "").includes("|") && (lines[i] ?? "").trim() !== "";
        i++
      ) {
        rows.push(lines[i] ?? "");
      }
      i -= 1;
      out.push(...formatTable(rows.map(splitRow)));
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading !== null) out.push(inlineToText(heading[1] ?? ""));
    else if (RULE_LINE.test(line)) out.push("---");
    else out.push(inlineToText(line));
  }
  return out
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+|\n+$/g, "");
}

/** One line of markdown as plain text; code spans keep their content as written. */
export function inlineToText(markdown: string): string {
  return splitCodeSpans(markdown)
    .map((part) => (part.code ? part.text : textToPlain(part.text)))
    .join("")
    .replace(/([@<])\u200d/g, "$1");
}

function textToPlain(text: string): string {
  return (
    text
      .replace(/[\ue000-\ue0ff]/g, "\ufffd")
      .replace(/\\([!-/:-@[-`{-~])/g, (_, ch: string) =>
        String.fromCharCode(PARK + ch.charCodeAt(0)),
      )
      .replace(/<!--[\s\S]*?-->/g, "")
      .replace(/<br ?\/?>/gi, " ")
      .replace(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g, "")
      .replace(/<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/g, "$1")
      .replace(/!?\[([^\]]*)\]\(([^()\s]*)\)/g, (_, label: string, url: string) =>
        label === "" || label === url ? url : url === "" ? label : `${label} (${url})`,
      )
      // Emphasis marks at word edges; snake_case and list bullets stay.
      .replace(/(^|[\s([{"'])[*_]+(?=\S)/g, "$1")
      .replace(/(?<=\S)[*_]+(?=$|[\s)\]}.,:;!?"'])/g, "")
      .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name] ?? "")
      .replace(/[\ue021-\ue07e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - PARK))
  );
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  "#39": "'",
  nbsp: " ",
};

/** Cells of a table row: split on pipes that are not escaped; `\|` is a pipe in the cell. */
function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  const text = line.trim().replace(/^\|/, "");
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? "";
    if (ch === "\\" && i + 1 < text.length) {
      const next = text[i + 1] ?? "";
      cell += next === "|" ? "|" : ch + next;
      i += 1;
    } else if (ch === "|") {
      cells.push(cell);
      cell = "";
    } else {
      cell += ch;
    }
  }
  if (cell.trim() !== "") cells.push(cell);
  return cells.map((c) => inlineToText(c.trim()));
}

function formatTable(rows: string[][]): string[] {
  const columns = Math.max(...rows.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, c) =>
    Math.max(...rows.map((row) => [...(row[c] ?? "")].length)),
  );
  const format = (row: string[]): string =>
    widths
      .map((width, c) => pad(row[c] ?? "", width))
      .join("  ")
      .trimEnd();
  const [header = [], ...body] = rows;
  return [
    format(header),
    widths.map((w) => "-".repeat(Math.max(w, 1))).join("  "),
    ...body.map(format),
  ];
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - [...text].length));
}
