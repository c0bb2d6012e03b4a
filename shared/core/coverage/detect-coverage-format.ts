// Tells a coverage report's format from its content, never from its file name.
import type { CoverageFormat } from "../types.js";

/** Enough of the file to see a header, an XML prolog and the root element's first children. */
const HEAD = 16_384;

export function detectCoverageFormat(text: string): CoverageFormat | null {
  const head = text.slice(0, HEAD).replace(/^\uFEFF/, "");
  const start = head.trimStart();
  if (start.startsWith("<")) return detectXml(head);
  if (start.startsWith("{")) {
    return text.includes('"statementMap"') || /^\{\s*\}\s*$/.test(start) ? "istanbul" : null;
  }
  if (/^mode: (?:set|count|atomic)\s*$/.test(start.split("\n", 1)[0] ?? "")) return "go";
  if (/^[ \t]*(?:TN|SF):/m.test(head)) return "lcov";
  return null;
}

function detectXml(head: string): CoverageFormat | null {
  const root = readRootTag(head);
  if (root === null) return null;
  const name = root.name.replace(/^.*:/, "");
  if (name === "report") return "jacoco";
  if (name !== "coverage") return null;
  if (
    /cobertura|coverage-0\d\.dtd/i.test(root.prolog) ||
    /\s(?:line-rate|lines-valid)=/.test(root.tag)
  ) {
    return "cobertura";
  }
  if (/\sclover=/.test(root.tag) || /<project[\s>]/.test(head)) return "clover";
  if (/<(?:packages|sources)[\s>]/.test(head)) return "cobertura";
  return null;
}

/** The first element's name and start tag, and what came before it (declaration, DOCTYPE). */
export function readRootTag(head: string): { name: string; tag: string; prolog: string } | null {
  let at = 0;
  for (;;) {
    const open = head.indexOf("<", at);
    if (open < 0) return null;
    if (head.startsWith("<?", open)) at = skipPast(head, "?>", open);
    else if (head.startsWith("<!--", open)) at = skipPast(head, "-->", open);
    else if (head.startsWith("<!", open)) {
      // A DOCTYPE, possibly with an internal subset in brackets.
      const bracket = head.indexOf("[", open);
      const close = head.indexOf(">", open);
      at = bracket >= 0 && bracket < close ? skipPast(head, "]", bracket) : close + 1;
      if (at === 0) return null;
    } else {
      const match = /^<([A-Za-z_][\w.:-]*)([^>]*)>?/.exec(head.slice(open, open + 4096));
      if (match === null) return null;
      return { name: match[1] ?? "", tag: match[0], prolog: head.slice(0, open) };
    }
    if (at <= 0) return null;
  }
}

function skipPast(text: string, marker: string, from: number): number {
  const found = text.indexOf(marker, from);
  return found < 0 ? -1 : found + marker.length;
}
