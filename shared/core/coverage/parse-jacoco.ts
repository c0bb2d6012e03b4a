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
} from "./xml-document.js";
import { createXmlLineReader } from "./xml-line-reader.js";

export function parseJacoco(text: string, source: string): CoverageReport {
  // <class> holds only method counters; skipping it halves the parse.
  const { root } = parseXmlDocument(text, source, ["..class"]);
  const table = createFileCoverageTable();
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
      const read = createXmlLineReader(source, `sourcefile "${path}"`, "line");
      for (const line of children(sourcefile, "line")) {
        const number = read.lineNumber(line, "nr");
        const missed = read.count(line, "mi");
        const covered = read.count(line, "ci");
        if (missed + covered === 0) continue;
        addHits(file, number, covered);
        if (read.count(line, "mb") > 0 && read.count(line, "cb") > 0) file.partialLines.add(number);
      }
    }
  }
  return { source, format: "jacoco", files: table.files(), sourceRoots: [] };
}
