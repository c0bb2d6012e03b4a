// Unpacks a coverage artifact (a zip) within a byte limit and parses every coverage report in it,
// found by content. Runs in the artifact worker (see create-artifact-reader.ts), never on the
// App's event loop: a large report takes seconds to parse.
import { detectCoverageFormat } from "../../shared/core/coverage/detect-coverage-format.js";
import { parseCoverage } from "../../shared/core/coverage/parse-coverage.js";
import type { CoverageFacts } from "../../shared/core/types.js";
import { readZipEntries, type ZipEntry } from "../../shared/github/read-zip-entries.js";

/** What the worker is asked; structured-cloneable, so it crosses to the worker as it is. */
export interface ArtifactReadOptions {
  /** How the artifact is named in errors: `artifact coverage of workflow ci.yml (run 5)`. */
  source: string;
  /** The most the artifact's files may unpack to, together. */
  maxBytes: number;
}

/** Files that are never a coverage report (an HTML report's pages and assets): not unpacked. */
const NOT_A_REPORT = /\.(html?|css|m?js|map|png|jpe?g|gif|svg|ico|woff2?|ttf)$/i;

export async function readArtifactReports(
  zip: Uint8Array,
  options: ArtifactReadOptions,
): Promise<CoverageFacts> {
  const { source, maxBytes } = options;
  let files: ZipEntry[];
  try {
    files = await readZipEntries(zip, { select: (name) => !NOT_A_REPORT.test(name), maxBytes });
  } catch (error) {
    const message = (error as Error).message;
    const tooLarge = /would exceed the limit/.test(message);
    return {
      reports: [],
      errors: [
        {
          source,
          message: tooLarge
            ? `unpacks to more than ${formatMegabytes(maxBytes)}, the App's limit (COVERAGE_ARTIFACT_MAX_MB): upload only the coverage reports, or ask the App's operator to raise the limit`
            : `cannot be read: ${message}`,
        },
      ],
    };
  }
  const facts: CoverageFacts = { reports: [], errors: [] };
  const byName = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { name, bytes } of byName) {
    if (bytes.subarray(0, 8000).includes(0)) continue;
    const text = new TextDecoder().decode(bytes);
    if (detectCoverageFormat(text) === null) continue;
    const parsed = parseCoverage(text, name);
    if (parsed.ok) facts.reports.push(parsed.report);
    else facts.errors.push(parsed.error);
  }
  if (facts.reports.length === 0 && facts.errors.length === 0) {
    facts.errors.push({
      source,
      message: "holds no coverage report (LCOV, Cobertura, Clover, JaCoCo, Istanbul JSON or Go)",
    });
  }
  return facts;
}

function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? `${mb} MB` : `${bytes} bytes`;
}
