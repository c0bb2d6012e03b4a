// Reads Cobertura XML (coverage.py, Istanbul/c8, gcovr, JaCoCo converters, coverlet…). Only a
// class's own <lines> count: Istanbul repeats method lines under <methods>, which diff-cover
// skips too.
import type { CoverageReport } from "../types.js";
import { addHits, createFileCoverageTable } from "./file-coverage-table.js";
import {
  attr,
  children,
  decodeXmlEntities,
  descendants,
  parseXmlDocument,
  textOf,
} from "./xml-document.js";
import { clip } from "./parse-count.js";
import { createRecordTally } from "./record-tally.js";
import { createXmlLineReader } from "./xml-line-reader.js";

const CONDITIONS = /\((\d+)\/(\d+)\)/;

export function parseCobertura(text: string, source: string): CoverageReport {
  const { root } = parseXmlDocument(text, source, ["..methods"]);
  const sourceRoots = children(root, "sources")
    .flatMap((sources) => {
      const value = sources["source"];
      return Array.isArray(value) ? value : [value];
    })
    .map((value) => decodeXmlEntities(textOf(value)).trim())
    .filter((value) => value !== "");

  const table = createFileCoverageTable();
  const tally = createRecordTally(source);
  for (const clazz of descendants(root, "class")) {
    const filename = attr(clazz, "filename");
    // diff-cover skips classes without a file name; they cannot be placed on a diff.
    if (filename === undefined || filename.trim() === "") continue;
    const path = decodeXmlEntities(filename.trim());
    const file = table.file(path);
    const read = createXmlLineReader(tally, `class "${clip(path, 120)}"`, "line");
    for (const lines of children(clazz, "lines")) {
      for (const line of children(lines, "line")) {
        const number = read.lineNumber(line, "number");
        const hits = number === null ? null : read.count(line, "hits");
        if (number === null || hits === null) continue;
        tally.use();
        addHits(file, number, hits);
        if (attr(line, "branch") === "true") {
          const conditions = CONDITIONS.exec(attr(line, "condition-coverage") ?? "");
          if (conditions !== null && Number(conditions[1]) < Number(conditions[2])) {
            file.partialLines.add(number);
          }
        }
      }
    }
  }
  return { source, format: "cobertura", files: table.files(), sourceRoots, ...tally.counts };
}
