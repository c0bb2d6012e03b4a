// Reads Clover XML (OpenClover, PHPUnit, Istanbul/c8/Jest). Lines of type stmt, cond and method
// are executable, as in diff-cover 10.5: PHPUnit and OpenClover mark each measured function's
// declaration line "method" (diff-cover 7.4 skipped those lines).
import type { CoverageReport } from "../types.js";
import { addHits, createFileCoverageTable } from "./file-coverage-table.js";
import {
  attr,
  children,
  decodeXmlEntities,
  descendants,
  parseXmlDocument,
  type XmlElement,
} from "./xml-document.js";
import { clip } from "./parse-count.js";
import { createRecordTally } from "./record-tally.js";
import { createXmlLineReader } from "./xml-line-reader.js";

const EXECUTABLE = new Set(["stmt", "cond", "method"]);

export function parseClover(text: string, source: string): CoverageReport {
  const { root } = parseXmlDocument(text, source, []);
  const istanbul = writtenByIstanbul(root);
  const table = createFileCoverageTable();
  const tally = createRecordTally(source);
  for (const element of descendants(root, "file")) {
    const raw = attr(element, "path") ?? attr(element, "name");
    if (raw === undefined || raw.trim() === "") continue;
    const path = decodeXmlEntities(raw.trim());
    const file = table.file(path);
    const read = createXmlLineReader(tally, `file "${clip(path, 120)}"`, "line");
    for (const line of children(element, "line")) {
      const type = attr(line, "type");
      if (type === undefined || !EXECUTABLE.has(type)) continue;
      const number = read.lineNumber(line, "num");
      const hits = number === null ? null : read.count(line, "count");
      const trueCount = hits === null || type !== "cond" ? 0 : read.count(line, "truecount");
      const falseCount = trueCount === null || type !== "cond" ? 0 : read.count(line, "falsecount");
      if (number === null || hits === null || trueCount === null || falseCount === null) continue;
      tally.use();
      addHits(file, number, hits);
      if (type !== "cond") continue;
      // Clover counts how often a condition was true and false: one side never seen is partial.
      // Istanbul writes branches taken and branches missed into the same attributes instead.
      const partial = istanbul ? falseCount > 0 : trueCount === 0 || falseCount === 0;
      if (partial) file.partialLines.add(number);
    }
  }
  return { source, format: "clover", files: table.files(), sourceRoots: [], ...tally.counts };
}

/** Istanbul's clover reporter has written `clover="3.2.0"` and `name="All files"` since 2015. */
function writtenByIstanbul(root: XmlElement): boolean {
  return (
    attr(root, "clover") === "3.2.0" &&
    children(root, "project").some((project) => attr(project, "name") === "All files")
  );
}
