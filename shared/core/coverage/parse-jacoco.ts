// Reads JaCoCo XML. A file's path is its package directory plus the source file name
// (`com/example/Foo.java`); hits are covered instructions, as diff-cover reads them.
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
import { createXmlLineReader, type XmlLineReader } from "./xml-line-reader.js";

export function parseJacoco(text: string, source: string): CoverageReport {
  // <class> holds only method counters; skipping it halves the parse.
  const { root } = parseXmlDocument(text, source, ["..class"]);
  const table = createFileCoverageTable();
  const tally = createRecordTally(source);
  for (const pkg of descendants(root, "package")) {
    const packageName = decodeXmlEntities((attr(pkg, "name") ?? "").trim()).replace(
      /^\/+|\/+$/g,
      "",
    );
    for (const sourcefile of children(pkg, "sourcefile")) {
      const name = decodeXmlEntities((attr(sourcefile, "name") ?? "").trim());
      if (name === "") continue;
      const path = packageName === "" ? name : `${packageName}/${name}`;
      const file = table.file(path);
      const read = createXmlLineReader(tally, `sourcefile "${clip(path, 120)}"`, "line");
      for (const line of children(sourcefile, "line")) {
        const counts = readCounts(read, line);
        if (counts === null) continue;
        const { number, missed, covered, missedBranches, coveredBranches } = counts;
        if (missed + covered === 0) continue;
        tally.use();
        addHits(file, number, covered);
        if (missedBranches > 0 && coveredBranches > 0) file.partialLines.add(number);
      }
    }
  }
  return { source, format: "jacoco", files: table.files(), sourceRoots: [], ...tally.counts };
}

/** A `<line nr mi ci mb cb>` element's numbers, or null when one is unusable (then skipped). */
function readCounts(read: XmlLineReader, line: XmlElement) {
  const number = read.lineNumber(line, "nr");
  const missed = number === null ? null : read.count(line, "mi");
  const covered = missed === null ? null : read.count(line, "ci");
  const missedBranches = covered === null ? null : read.count(line, "mb");
  const coveredBranches = missedBranches === null ? null : read.count(line, "cb");
  if (number === null || missed === null || covered === null) return null;
  if (missedBranches === null || coveredBranches === null) return null;
  return { number, missed, covered, missedBranches, coveredBranches };
}
