// Reading the docs as the tests that hold them to the code need them: prose apart from fenced
// code, the rows of a reference table, and the anchors GitHub gives headings.

export interface CodeBlock {
  lang: string;
  text: string;
  /** 1-based line of the opening fence. */
  line: number;
}

export interface TableRow {
  /** The first cell's code span, e.g. `rules.size.max-lines`. */
  name: string;
  /** The second cell as written, e.g. `` `400` `` or `unset`. */
  cell: string;
}

/** Splits markdown into prose lines and fenced code blocks (fences may be indented in lists). */
export function splitMarkdown(markdown: string): { prose: string[]; blocks: CodeBlock[] } {
  const prose: string[] = [];
  const blocks: CodeBlock[] = [];
  let open: { lang: string; indent: number; line: number; lines: string[] } | undefined;
  markdown.split("\n").forEach((line, index) => {
    const fence = /^(\s*)```(\S*)\s*$/.exec(line);
    if (open === undefined && fence) {
      open = { lang: fence[2] ?? "", indent: fence[1]?.length ?? 0, line: index + 1, lines: [] };
    } else if (open !== undefined && fence) {
      blocks.push({ lang: open.lang, text: open.lines.join("\n"), line: open.line });
      open = undefined;
    } else if (open !== undefined) {
      open.lines.push(line.slice(Math.min(open.indent, line.search(/\S|$/))));
    } else {
      prose.push(line);
    }
  });
  return { prose, blocks };
}

/** Rows of the first table after the heading `title`: first cell a code span, and the second. */
export function readTable(prose: readonly string[], title: string): TableRow[] {
  const heading = prose.findIndex((line) => line.trim() === title);
  if (heading < 0) return [];
  const start = prose.findIndex((line, i) => i > heading && line.startsWith("|"));
  if (start < 0) return [];
  const rows: TableRow[] = [];
  for (const line of prose.slice(start)) {
    if (!line.startsWith("|")) break;
    const cells = line
      .slice(1, line.lastIndexOf("|"))
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim());
    const name = /^`([^`]+)`$/.exec(cells[0] ?? "")?.[1];
    if (name !== undefined) rows.push({ name, cell: cells[1] ?? "" });
  }
  return rows;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, -1 for repeats. */
export function headingAnchors(prose: readonly string[]): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const line of prose) {
    const text = /^#{1,6}\s+(.*)$/.exec(line)?.[1];
    if (text === undefined) continue;
    const slug = text
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}
